import type { RgbImage } from "../types";

interface Taps {
  /** First source index per output index. */
  start: Int32Array;
  /** Number of taps per output index. */
  count: Int32Array;
  /** Flattened weights, `maxTaps` per output index. */
  weights: Float32Array;
  maxTaps: number;
}

/**
 * Resampling taps for one axis: bilinear (half-pixel centres, like OpenCV) when enlarging,
 * box averaging over the source footprint when shrinking, so downscaled text does not alias.
 */
function computeTaps(srcLen: number, dstLen: number): Taps {
  const scale = srcLen / dstLen;
  const maxTaps = scale > 1 ? Math.ceil(scale) + 1 : 2;
  const start = new Int32Array(dstLen);
  const count = new Int32Array(dstLen);
  const weights = new Float32Array(dstLen * maxTaps);
  for (let o = 0; o < dstLen; o++) {
    if (scale > 1) {
      const from = o * scale;
      const to = Math.min(from + scale, srcLen);
      const first = Math.floor(from);
      const last = Math.min(Math.ceil(to) - 1, srcLen - 1);
      start[o] = first;
      count[o] = last - first + 1;
      for (let s = first; s <= last; s++) {
        const overlap = Math.min(s + 1, to) - Math.max(s, from);
        weights[o * maxTaps + (s - first)] = overlap / (to - from);
      }
    } else {
      const pos = Math.min(Math.max((o + 0.5) * scale - 0.5, 0), srcLen - 1);
      const first = Math.floor(pos);
      const frac = pos - first;
      start[o] = first;
      count[o] = first + 1 < srcLen ? 2 : 1;
      weights[o * maxTaps] = count[o] === 2 ? 1 - frac : 1;
      weights[o * maxTaps + 1] = count[o] === 2 ? frac : 0;
    }
  }
  return { start, count, weights, maxTaps };
}

/** Resizes RGB pixels to exactly `width` × `height` (separable, two passes). */
export function resizeRgb(image: RgbImage, width: number, height: number): RgbImage {
  const { width: sw, height: sh, data } = image;
  if (sw === width && sh === height) return { width, height, data: data.slice() };
  const xt = computeTaps(sw, width);
  const yt = computeTaps(sh, height);

  // Horizontal pass: sh rows × width columns, kept in float to avoid double rounding.
  const mid = new Float32Array(sh * width * 3);
  for (let y = 0; y < sh; y++) {
    const row = y * sw * 3;
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      const first = xt.start[x]!;
      const n = xt.count[x]!;
      for (let k = 0; k < n; k++) {
        const w = xt.weights[x * xt.maxTaps + k]!;
        const p = row + (first + k) * 3;
        r += data[p]! * w;
        g += data[p + 1]! * w;
        b += data[p + 2]! * w;
      }
      const o = (y * width + x) * 3;
      mid[o] = r;
      mid[o + 1] = g;
      mid[o + 2] = b;
    }
  }

  const out = new Uint8Array(width * height * 3);
  const rowLen = width * 3;
  const acc = new Float32Array(rowLen);
  for (let y = 0; y < height; y++) {
    acc.fill(0);
    const first = yt.start[y]!;
    const n = yt.count[y]!;
    for (let k = 0; k < n; k++) {
      const w = yt.weights[y * yt.maxTaps + k]!;
      const src = (first + k) * rowLen;
      for (let i = 0; i < rowLen; i++) acc[i]! += mid[src + i]! * w;
    }
    // Uint8Array assignment truncates; +0.5 rounds (values are never negative).
    const o = y * rowLen;
    for (let i = 0; i < rowLen; i++) out[o + i] = Math.min(255, acc[i]! + 0.5);
  }
  return { width, height, data: out };
}
