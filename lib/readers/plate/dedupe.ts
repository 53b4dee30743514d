import { quadCentre, quadContains, quadIou } from "@/lib/ocr/geometry";
import type { Quad } from "@/lib/ocr/types";

/** Overlap above which two readings are the same plate. */
const SAME_IOU = 0.3;

/** Readings of one plate (colour region, text box, joined boxes) overlap or contain each other. */
export function samePlate(a: Quad, b: Quad): boolean {
  return quadIou(a, b) > SAME_IOU || quadContains(a, quadCentre(b)) || quadContains(b, quadCentre(a));
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
