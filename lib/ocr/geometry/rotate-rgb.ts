import type { RgbImage } from "../types";

/** Rotates 90° counter-clockwise (vertical text lines become left-to-right). */
export function rotate90Ccw(image: RgbImage): RgbImage {
  const { width: w, height: h, data } = image;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const s = (y * w + x) * 3;
      const o = ((w - 1 - x) * h + y) * 3;
      out[o] = data[s]!;
      out[o + 1] = data[s + 1]!;
      out[o + 2] = data[s + 2]!;
    }
  }
  return { width: h, height: w, data: out };
}

/** Rotates 90° clockwise (a page lying on its left side stands upright). */
export function rotate90Cw(image: RgbImage): RgbImage {
  const { width: w, height: h, data } = image;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const s = (y * w + x) * 3;
      const o = (x * h + (h - 1 - y)) * 3;
      out[o] = data[s]!;
      out[o + 1] = data[s + 1]!;
      out[o + 2] = data[s + 2]!;
    }
  }
  return { width: h, height: w, data: out };
}

/** Rotates 180° (upside-down crops flagged by the direction classifier). */
export function rotate180(image: RgbImage): RgbImage {
  const { data } = image;
  const out = new Uint8Array(data.length);
  const n = data.length / 3;
  for (let i = 0; i < n; i++) {
    const s = i * 3;
    const o = (n - 1 - i) * 3;
    out[o] = data[s]!;
    out[o + 1] = data[s + 1]!;
    out[o + 2] = data[s + 2]!;
  }
  return { width: image.width, height: image.height, data: out };
}
