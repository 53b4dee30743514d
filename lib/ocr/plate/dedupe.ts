import { quadIou } from "../geometry";
import type { Point, Quad } from "../types";

/** Overlap above which two readings are the same plate. */
const SAME_IOU = 0.3;

/** Readings of one plate (colour region, text box, joined boxes) overlap or contain each other. */
function samePlate(a: Quad, b: Quad): boolean {
  return quadIou(a, b) > SAME_IOU || contains(a, centre(b)) || contains(b, centre(a));
}

function centre(q: Quad): Point {
  return [q.reduce((s, p) => s + p[0], 0) / 4, q.reduce((s, p) => s + p[1], 0) / 4];
}

/** Point in a convex quad: on the same side of all four edges. */
function contains(q: Quad, [x, y]: Point): boolean {
  const sides = q.map((a, i) => {
    const b = q[(i + 1) % 4]!;
    return Math.sign((b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]));
  });
  return sides.every((s) => s >= 0) || sides.every((s) => s <= 0);
}

/** One reading per plate, the most confident; left to right. */
export function dedupeReadings<T extends { box: Quad; text: string; confidence: number }>(readings: T[]): T[] {
  const kept: T[] = [];
  for (const r of [...readings].sort((a, b) => b.confidence - a.confidence)) {
    if (kept.some((k) => samePlate(k.box, r.box) || k.text === r.text)) continue;
    kept.push(r);
  }
  return kept.sort((a, b) => a.box[0][0] - b.box[0][0]);
}
