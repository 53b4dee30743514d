// Reads a picture the way it stands upright: its lines are detected once, the quarter turn is
// decided from them, and only a turned picture is detected again. Readers (cards, licences)
// work on the upright copy and hand back boxes in the picture as sent (linesBeforeTurn).
import { cropLine } from "../pipeline/crop-lines";
import { toTextLines } from "../pipeline/general";
import type { Quad, RecognizeCropsOptions, RecResult, RgbImage, TextLine } from "../types";
import { quadBeforeTurn, type Turn, turnImage } from "./turn";

export interface UprightOcr {
  detect(image: RgbImage): Promise<Quad[]>;
  recognizeCrops(crops: RgbImage[], opts?: RecognizeCropsOptions): Promise<RecResult[]>;
  orientation(image: RgbImage, quads?: readonly Quad[]): Promise<Turn>;
}

export interface UprightReading {
  turn: Turn;
  /** The picture turned upright (the picture itself when `turn` is 0). */
  image: RgbImage;
  /** Text lines in reading order, boxes in the upright picture's pixels. */
  lines: TextLine[];
}

export async function readUpright(image: RgbImage, ocr: UprightOcr): Promise<UprightReading> {
  let quads = await ocr.detect(image);
  const turn = await ocr.orientation(image, quads);
  const upright = turnImage(image, turn);
  if (turn !== 0) quads = await ocr.detect(upright);
  const results = await ocr.recognizeCrops(quads.map((q) => cropLine(upright, q)));
  return { turn, image: upright, lines: toTextLines(quads, results) };
}

/** Lines read on the upright copy, with boxes in the picture as sent (`width` × `height`). */
export function linesBeforeTurn(lines: readonly TextLine[], turn: Turn, width: number, height: number): TextLine[] {
  if (turn === 0) return [...lines];
  return lines.map((line) => ({ ...line, box: quadBeforeTurn(line.box, turn, width, height) }));
}
