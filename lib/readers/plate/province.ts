// Province re-read. Reading a whole plate, the general recogniser often loses the narrow left
// radical of a province character (琼 read as 皖 or 京, 浙 as 新): the character is squeezed
// into a frame or two. Cropped alone and widened, at several widths, it is read better. Each
// crop (whole-plate or single-glyph) is one opinion, and their log-probabilities are summed
// rather than voted, so a crop that is unsure says little and a confident one says much.
import type { CtcPosterior } from "@/lib/ocr/rec/constrained-decode";
import type { Point, Quad } from "@/lib/ocr/types";

import { PROVINCES } from "./grammar";

export const PROVINCE_CONFIG = {
  /** Recogniser downsampling along x: one CTC frame per this many input pixels (PP-OCRv4). */
  frameStride: 8,
  /**
   * The province's extent around its peak frame, in character pitches (peak-to-peak distance
   * to the letter): a glyph is 45 mm on a 57 mm pitch, and its peak often sits right of centre,
   * on the radical the recogniser does see.
   */
  span: [-0.7, 0.45] as const,
  /** Share of the crop's height trimmed off top and bottom: crops carry margins around the glyphs. */
  trim: 0.15,
  /** Crop widths tried, as multiples of the glyph region's natural width at crop height. */
  stretches: [1.5, 2, 2.5, 3] as const,
  /**
   * Floor on a crop's probability for a province, so a crop that misses the glyph (or a
   * poorly placed glyph crop) cannot veto it; below 1e-3 such crops flipped right readings.
   */
  floor: 0.01,
} as const;

/**
 * The province glyph's part of a plate crop, from the frames where the recogniser placed the
 * province and the letter after it; `cropWidth` is the crop's width in recogniser pixels.
 */
export function provinceQuad(crop: Quad, frames: readonly number[], cropWidth: number): Quad | null {
  const { frameStride, span } = PROVINCE_CONFIG;
  if (frames.length < 2 || cropWidth <= 0) return null;
  const x0 = (frames[0]! + 0.5) * frameStride;
  const pitch = (frames[1]! - frames[0]!) * frameStride;
  if (pitch <= 0) return null;
  const from = (x0 + span[0] * pitch) / cropWidth;
  const to = (x0 + span[1] * pitch) / cropWidth;
  const at = (a: Point, b: Point, f: number): Point => [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])];
  const [tl, tr, br, bl] = crop;
  const top: [Point, Point] = [at(tl, bl, PROVINCE_CONFIG.trim), at(tr, br, PROVINCE_CONFIG.trim)];
  const bottom: [Point, Point] = [at(bl, tl, PROVINCE_CONFIG.trim), at(br, tr, PROVINCE_CONFIG.trim)];
  return [at(...top, from), at(...top, to), at(...bottom, to), at(...bottom, from)];
}

/**
 * Log-probability of each province in one crop: its highest posterior over `frames` (all of
 * a single-glyph crop, which may also hold a sliver of the border or the next letter, so a
 * whole-crop CTC likelihood would punish the wrong thing; around the province in a plate crop).
 */
export function provinceLogProbs(
  posterior: CtcPosterior,
  dictionary: readonly string[],
  frames: readonly [number, number] = [0, posterior.steps - 1],
): Map<string, number> {
  const { data, steps, classes } = posterior;
  const from = Math.max(0, frames[0]);
  const to = Math.min(steps - 1, frames[1]);
  const out = new Map<string, number>();
  for (const province of PROVINCES) {
    const c = dictionary.indexOf(province);
    let best = 0;
    if (c > 0 && c < classes) for (let t = from; t <= to; t++) best = Math.max(best, data[t * classes + c]!);
    out.set(province, Math.log(Math.max(best, PROVINCE_CONFIG.floor)));
  }
  return out;
}

/**
 * The province all opinions agree on best, with its share of the combined distribution
 * (softmax of the summed log-probabilities over the 31 provinces).
 */
export function combineProvinces(opinions: readonly Map<string, number>[]): { province: string; prob: number } | null {
  if (opinions.length === 0) return null;
  const totals = [...PROVINCES].map((p) => [p, opinions.reduce((s, o) => s + (o.get(p) ?? Math.log(PROVINCE_CONFIG.floor)), 0)] as const);
  const max = Math.max(...totals.map(([, s]) => s));
  const z = totals.reduce((s, [, v]) => s + Math.exp(v - max), 0);
  const [province, score] = totals.find(([, s]) => s === max)!;
  return { province, prob: Math.exp(score - max) / z };
}
