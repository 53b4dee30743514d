// The hyperlpr3 detector's output, per anchor: box centre x, y, width, height, objectness, the
// four corners (8 values, clockwise from top-left) and two class scores (single / double row),
// all in letterboxed input pixels. Kept: objectness above a floor, score = objectness × best
// class, non-maximum suppression on the axis-aligned boxes, coordinates back in the picture's.
import type { Quad } from "@/lib/ocr/types";

import type { Letterbox } from "./letterbox";

export interface PlateDetection {
  /** Axis-aligned box [x1, y1, x2, y2] in picture pixels. */
  box: [number, number, number, number];
  /** The plate's corners, clockwise from top-left, in picture pixels. */
  corners: Quad;
  score: number;
  rows: 1 | 2;
}

export const DETECTION_CONFIG = {
  /** Values per anchor. */
  stride: 15,
  /** Least objectness × class score kept. */
  minScore: 0.3,
  /** Boxes overlapping a better one by more than this are the same plate. */
  nmsIou: 0.5,
} as const;

type Box = PlateDetection["box"];

function boxIou(a: Box, b: Box): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
}

export function decodeDetections(
  output: Float32Array,
  { scale, left, top }: Letterbox,
  minScore: number = DETECTION_CONFIG.minScore,
): PlateDetection[] {
  const n = DETECTION_CONFIG.stride;
  const toX = (x: number) => (x - left) / scale;
  const toY = (y: number) => (y - top) / scale;
  const found: PlateDetection[] = [];
  for (let o = 0; o + n <= output.length; o += n) {
    const objectness = output[o + 4]!;
    if (objectness < minScore) continue;
    const single = output[o + 13]!;
    const double = output[o + 14]!;
    const score = objectness * Math.max(single, double);
    if (score < minScore) continue;
    const [cx, cy, w, h] = [output[o]!, output[o + 1]!, output[o + 2]!, output[o + 3]!];
    const corners = [0, 1, 2, 3].map((k) => [toX(output[o + 5 + 2 * k]!), toY(output[o + 6 + 2 * k]!)]) as Quad;
    found.push({
      box: [toX(cx - w / 2), toY(cy - h / 2), toX(cx + w / 2), toY(cy + h / 2)],
      corners,
      score,
      rows: double > single ? 2 : 1,
    });
  }
  found.sort((a, b) => b.score - a.score);
  const kept: PlateDetection[] = [];
  for (const d of found) if (!kept.some((k) => boxIou(k.box, d.box) > DETECTION_CONFIG.nmsIou)) kept.push(d);
  return kept;
}
