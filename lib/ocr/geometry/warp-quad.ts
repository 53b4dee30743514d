import type { Quad, RgbImage } from "../types";
import { solveHomography } from "./homography";

/**
 * Perspective crop: maps `quad` (TL, TR, BR, BL in image pixels) onto an upright
 * `outWidth` × `outHeight` image with bilinear sampling; samples outside the image repeat
 * the border pixel.
 */
export function warpQuad(image: RgbImage, quad: Quad, outWidth: number, outHeight: number): RgbImage {
  const w = Math.max(1, Math.round(outWidth));
  const h = Math.max(1, Math.round(outHeight));
  const out = new Uint8Array(w * h * 3);
  const m = solveHomography(
    [
      [0, 0],
      [w, 0],
      [w, h],
      [0, h],
    ],
    quad,
  );
  if (!m) return { width: w, height: h, data: out };

  const { width: iw, height: ih, data } = image;
  const maxX = iw - 1;
  const maxY = ih - 1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Sample at pixel centres so the crop is not shifted by half a pixel.
      const u = x + 0.5;
      const v = y + 0.5;
      const d = m[6]! * u + m[7]! * v + m[8]!;
      let sx = (m[0]! * u + m[1]! * v + m[2]!) / d - 0.5;
      let sy = (m[3]! * u + m[4]! * v + m[5]!) / d - 0.5;
      // biome-ignore lint/complexity/useMathMinMax: the clamp of the per-pixel loop reads as one expression
      sx = sx < 0 ? 0 : sx > maxX ? maxX : sx;
      // biome-ignore lint/complexity/useMathMinMax: as above
      sy = sy < 0 ? 0 : sy > maxY ? maxY : sy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const x1 = x0 < maxX ? x0 + 1 : x0;
      const y1 = y0 < maxY ? y0 + 1 : y0;
      const fx = sx - x0;
      const fy = sy - y0;
      const p00 = (y0 * iw + x0) * 3;
      const p01 = (y0 * iw + x1) * 3;
      const p10 = (y1 * iw + x0) * 3;
      const p11 = (y1 * iw + x1) * 3;
      const o = (y * w + x) * 3;
      for (let c = 0; c < 3; c++) {
        const top = data[p00 + c]! + (data[p01 + c]! - data[p00 + c]!) * fx;
        const bottom = data[p10 + c]! + (data[p11 + c]! - data[p10 + c]!) * fx;
        out[o + c] = top + (bottom - top) * fy + 0.5;
      }
    }
  }
  return { width: w, height: h, data: out };
}
