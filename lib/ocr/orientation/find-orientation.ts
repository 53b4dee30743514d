// Finds how a decoded picture must be turned to read upright: text lines found on a downscaled
// copy (or given by a caller that has detected them already), the longest of them cut from the
// full picture and voted on by the direction classifier (decide-turn.ts). EXIF is already
// applied by decoding; this is for pictures taken sideways or upside down.
import type { DirectionClassifier } from "../cls/direction-classifier";
import { DET_CONFIG } from "../config";
import type { TextDetector } from "../det/text-detector";
import { rotate180 } from "../geometry/rotate-rgb";
import type { TextRecognizer } from "../rec/text-recognizer";
import { resizeRgb } from "../geometry/resize-rgb";
import { warpQuad } from "../geometry/warp-quad";
import type { Point, Quad, RgbImage } from "../types";
import { decideTurn, type LineShape, ORIENTATION_CONFIG, textAxis } from "./decide-turn";
import type { Turn } from "./turn";

export interface OrientationStages {
  detector: Pick<TextDetector, "run">;
  classifier: Pick<DirectionClassifier, "run">;
  recognizer: Pick<TextRecognizer, "run">;
}

/** A detected line as a rectangle: centre, unit vector along the text, and its two sides. */
interface Line extends LineShape {
  centre: Point;
  along: Point;
}

function downscaled(image: RgbImage, maxPixels: number): { image: RgbImage; scale: number } {
  const scale = Math.min(1, Math.sqrt(maxPixels / (image.width * image.height)));
  if (scale === 1) return { image, scale };
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  return { image: resizeRgb(image, width, height), scale: width / image.width };
}

/**
 * The line's long side gives its direction, whatever the corner order (a steep line's
 * "top-left" corner may sit at either end). Horizontal lines point right, vertical ones down.
 */
export function lineOf(quad: Quad, scale = 1): Line {
  const [a, b, c] = quad.map(([x, y]) => [x / scale, y / scale] as Point) as [Point, Point, Point, Point];
  const e1: Point = [b[0] - a[0], b[1] - a[1]];
  const e2: Point = [c[0] - b[0], c[1] - b[1]];
  const [long, short] = Math.hypot(...e1) >= Math.hypot(...e2) ? [e1, e2] : [e2, e1];
  const length = Math.hypot(...long);
  const vertical = Math.abs(long[1]) > Math.abs(long[0]);
  const sign = (vertical ? long[1] : long[0]) < 0 ? -1 : 1;
  const centre: Point = [(a[0] + c[0]) / 2, (a[1] + c[1]) / 2];
  return { centre, along: [(sign * long[0]) / length, (sign * long[1]) / length], length, thickness: Math.hypot(...short), vertical };
}

/**
 * The line cut out and laid flat the way decideTurn expects: horizontal lines as they are,
 * vertical ones as after turning the picture a quarter counter-clockwise (their top end left).
 */
export function flatCrop(image: RgbImage, line: Line): RgbImage {
  const [ux, uy] = line.along;
  // The crop's "down": the text's normal, a quarter clockwise from its direction.
  const [nx, ny] = [-uy, ux];
  const hl = line.length / 2;
  const ht = line.thickness / 2;
  const at = (s: number, t: number): Point => [line.centre[0] + ux * s + nx * t, line.centre[1] + uy * s + ny * t];
  const quad: Quad = [at(-hl, -ht), at(hl, -ht), at(hl, ht), at(-hl, ht)];
  return warpQuad(image, quad, Math.max(1, Math.round(line.length)), Math.max(1, Math.round(line.thickness)));
}

/**
 * `quads`: the picture's text lines when the caller has detected them already (in picture
 * pixels); otherwise they are detected on a downscaled copy.
 */
export async function findOrientation(
  image: RgbImage,
  stages: OrientationStages,
  quads?: readonly Quad[],
  config = ORIENTATION_CONFIG,
): Promise<Turn> {
  let lines: Line[];
  if (quads) lines = quads.map((q) => lineOf(q));
  else {
    const small = downscaled(image, config.maxPixels);
    const boxes = await stages.detector.run(small.image, { ...DET_CONFIG, maxPixels: config.maxPixels });
    lines = boxes.map((b) => lineOf(b.quad, small.scale));
  }
  const axis = textAxis(lines, config);
  if (axis.lines.length < config.minVotes) return 0;
  const crops = axis.lines.map((l) => flatCrop(image, l));
  const upsideDown = await stages.classifier.run(crops);
  const turn = decideTurn(
    axis.vertical,
    axis.lines.map((l) => l.length),
    upsideDown,
    config,
  );
  if (turn !== 90 && turn !== 270) return turn;
  const upright = crops.slice(0, config.confirmingLines).map((c) => (turn === 90 ? rotate180(c) : c));
  const reads = await stages.recognizer.run(upright);
  const mean = reads.reduce((s, r) => s + r.score, 0) / reads.length;
  return mean >= config.minSidewaysReadScore ? turn : 0;
}
