// Binary ink masks of small glyph crops, for checks the recogniser cannot make on its own
// (see q-tail.ts): Otsu threshold, the plate's ink polarity, and no border or neighbour ink.
import type { RgbImage } from "@/lib/ocr/types";

/** Ink raster: values in [0, 1], 1 = ink. */
export interface InkImage {
  width: number;
  height: number;
  data: Float32Array;
}

/** Otsu threshold of values in [0, 1] (64 bins). */
export function otsuThreshold(values: ArrayLike<number>): number {
  const bins = 64;
  const hist = new Float64Array(bins);
  for (let i = 0; i < values.length; i++) hist[Math.min(bins - 1, Math.floor(values[i]! * bins))]!++;
  let total = 0;
  let sum = 0;
  for (let b = 0; b < bins; b++) {
    total += hist[b]!;
    sum += b * hist[b]!;
  }
  let below = 0;
  let belowSum = 0;
  let best = -1;
  let threshold = 0.5;
  for (let b = 0; b < bins - 1; b++) {
    below += hist[b]!;
    belowSum += b * hist[b]!;
    const above = total - below;
    if (below === 0 || above === 0) continue;
    const between = below * above * (belowSum / below - (sum - belowSum) / above) ** 2;
    if (between > best) {
      best = between;
      threshold = (b + 1) / bins;
    }
  }
  return threshold;
}

/** Binary ink mask of a glyph crop; `darkInk` for black characters (yellow, green plates). */
export function inkMask(crop: RgbImage, darkInk: boolean): InkImage {
  const n = crop.width * crop.height;
  const grey = new Float32Array(n);
  for (let i = 0; i < n; i++) grey[i] = (crop.data[i * 3]! + crop.data[i * 3 + 1]! + crop.data[i * 3 + 2]!) / 765;
  const t = otsuThreshold(grey);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = (darkInk ? grey[i]! < t : grey[i]! >= t) ? 1 : 0;
  return { width: crop.width, height: crop.height, data };
}

/**
 * The mask without flat ink at the crop's top or bottom edge, or thin tall ink at its left or
 * right edge: the plate's border, rivets or a sliver of the next letter, which would stretch
 * the glyph's bounding box.
 */
export function dropEdgeInk(ink: InkImage): InkImage {
  const { width: w, height: h, data } = ink;
  const label = new Int32Array(w * h).fill(-1);
  const out = data.slice();
  for (let start = 0; start < w * h; start++) {
    if (data[start]! <= 0.5 || label[start]! >= 0) continue;
    const pixels = [start];
    label[start] = start;
    let [x0, y0, x1, y1] = [w, h, -1, -1];
    for (let k = 0; k < pixels.length; k++) {
      const i = pixels[k]!;
      const [x, y] = [i % w, Math.floor(i / w)];
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const [nx, ny] = [x + dx, y + dy];
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const j = ny * w + nx;
          if (data[j]! > 0.5 && label[j]! < 0) {
            label[j] = start;
            pixels.push(j);
          }
        }
      }
    }
    const [bw, bh] = [x1 - x0 + 1, y1 - y0 + 1];
    const strip = (y0 === 0 || y1 === h - 1) && bh <= 0.3 * h;
    const post = (x0 === 0 || x1 === w - 1) && bw <= 0.2 * w && bh >= 0.6 * h;
    if (strip || post) for (const i of pixels) out[i] = 0;
  }
  return { width: w, height: h, data: out };
}
