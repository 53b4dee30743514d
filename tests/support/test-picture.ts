// Test helper: tiny glyph pictures drawn as text.
import type { RgbImage } from "@/lib/ocr/types";

/** RGB image from rows of "#" (ink) and "." (background), ink dark or light. */
export function picture(rows: string[], darkInk: boolean): RgbImage {
  const [ink, paper] = darkInk ? [20, 230] : [240, 30];
  const width = rows[0]!.length;
  const data = new Uint8Array(rows.length * width * 3);
  rows.forEach((row, y) => [...row].forEach((c, x) => data.fill(c === "#" ? ink : paper, (y * width + x) * 3, (y * width + x) * 3 + 3)));
  return { width, height: rows.length, data };
}
