// Q versus 0. On small plates the general recogniser reads Q as 0 with near certainty: at a few
// pixels per character the ring dominates and the tail is one or two pixels. The tail is what
// tells them apart, so it is looked for directly: Q's ink reaches further right at the
// bottom of the glyph than at its bottom left, while 0 is symmetric.
import type { Point, Quad } from "@/lib/ocr/types";
import type { CtcPosterior } from "@/lib/ocr/rec/constrained-decode";

import type { InkImage } from "./ink-mask";
import { PROVINCE_CONFIG } from "./province";

export const Q_TAIL_CONFIG = {
  /** Cell width around a character's peak frame, in character pitches. */
  cellWidth: 1,
  /** Share of the ink box's height, from the bottom, where the tail is looked for. */
  bottom: 0.3,
  /** Height (px) a character cell is sampled at. */
  cellHeight: 32,
  /**
   * Least posterior of Q where 0 was read for the tail to be looked for: misread Qs kept
   * 1-3%, true 0s under 0.7% on the eval sets, so the shape test rarely runs.
   */
  minQ: 0.005,
  /**
   * Least tail asymmetry that makes it a Q: the misread Qs measured 0.33-0.43, the 0s that
   * came nearest the Q threshold above -0.1 to 0.1.
   */
  minAsymmetry: 0.25,
} as const;

/** Highest posterior of class `c` within one frame of `frame`. */
export function peakProb(posterior: CtcPosterior, c: number, frame: number): number {
  const { data, steps, classes } = posterior;
  let best = 0;
  if (c <= 0 || c >= classes) return 0;
  for (let t = Math.max(0, frame - 1); t <= Math.min(steps - 1, frame + 1); t++) best = Math.max(best, data[t * classes + c]!);
  return best;
}

/**
 * Part of a plate crop holding character `k`, from the frames the decode placed the
 * characters at; `cropWidth` is the crop's width in recogniser pixels.
 */
export function charQuad(crop: Quad, frames: readonly number[], k: number, cropWidth: number): Quad | null {
  const { frameStride } = PROVINCE_CONFIG;
  const { cellWidth } = Q_TAIL_CONFIG;
  // The characters after the letter are evenly spaced; the median gap is their pitch.
  const gaps = frames
    .slice(2)
    .flatMap((f, i) => (i > 0 ? [f - frames[i + 1]!] : []))
    .sort((a, b) => a - b);
  const pitch = (gaps[Math.floor(gaps.length / 2)] ?? 0) * frameStride;
  if (pitch <= 0 || cropWidth <= 0 || k >= frames.length) return null;
  const x = (frames[k]! + 0.5) * frameStride;
  const from = Math.max(0, x - (cellWidth / 2) * pitch) / cropWidth;
  const to = Math.min(cropWidth, x + (cellWidth / 2) * pitch) / cropWidth;
  const at = (a: Point, b: Point, f: number): Point => [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])];
  const [tl, tr, br, bl] = crop;
  return [at(tl, tr, from), at(tl, tr, to), at(bl, br, to), at(bl, br, from)];
}

/**
 * How much more ink the bottom of the glyph has right of its centre than left of it, as a
 * share of the bottom's ink: near 0 for 0, positive for Q's tail.
 */
export function tailAsymmetry(ink: InkImage): number {
  const { width: w, height: h, data } = ink;
  let [x0, y0, x1, y1] = [w, h, -1, -1];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (data[y * w + x]! <= 0.5) continue;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  }
  if (x1 < 0) return 0;
  const cx = (x0 + x1) / 2;
  const from = y1 - Q_TAIL_CONFIG.bottom * (y1 - y0 + 1);
  let [left, right] = [0, 0];
  for (let y = Math.ceil(from); y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const v = data[y * w + x]!;
      if (x < cx) left += v;
      else if (x > cx) right += v;
    }
  }
  return left + right > 0 ? (right - left) / (left + right) : 0;
}
