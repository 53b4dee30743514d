import type { RgbImage } from "./rgb-image";

/** Visible content at least this light (mean luma, 0–255) would vanish on white. */
const LIGHT_CONTENT_LUMA = 190;

/**
 * Composites RGBA pixels onto a solid background. White is the usual choice (black text on a
 * transparent canvas), but light content such as white text on transparency would vanish on
 * white, so then the background is black.
 */
export function flattenAlpha(rgba: Uint8Array, width: number, height: number): RgbImage {
  let weightedLuma = 0;
  let totalAlpha = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    const a = rgba[i + 3]!;
    weightedLuma += a * (0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!);
    totalAlpha += a;
  }
  const background = totalAlpha > 0 && weightedLuma / totalAlpha >= LIGHT_CONTENT_LUMA ? 0 : 255;

  const data = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    const a = rgba[i + 3]! / 255;
    const bg = background * (1 - a);
    data[j] = Math.round(rgba[i]! * a + bg);
    data[j + 1] = Math.round(rgba[i + 1]! * a + bg);
    data[j + 2] = Math.round(rgba[i + 2]! * a + bg);
  }
  return { width, height, data };
}
