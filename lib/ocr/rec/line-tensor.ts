import { resizeRgb } from "../geometry/resize-rgb";
import type { RgbImage } from "../types";

/**
 * Packs text-line crops into one NCHW batch for the classifier or recogniser: each crop is
 * resized to `height` keeping its aspect ratio (capped at `width`), normalised to [-1, 1] in
 * BGR order as PaddleOCR trains them, and zero-padded (mid grey) on the right.
 */
export function linesToTensor(crops: readonly RgbImage[], height: number, width: number): Float32Array {
  const plane = height * width;
  const tensor = new Float32Array(crops.length * 3 * plane);
  crops.forEach((crop, n) => {
    const scaledWidth = Math.max(1, Math.min(width, Math.ceil((height * crop.width) / crop.height)));
    const resized = resizeRgb(crop, scaledWidth, height);
    const base = n * 3 * plane;
    const src = resized.data;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < scaledWidth; x++) {
        const p = (y * scaledWidth + x) * 3;
        const i = base + y * width + x;
        tensor[i] = src[p + 2]! / 127.5 - 1;
        tensor[i + plane] = src[p + 1]! / 127.5 - 1;
        tensor[i + 2 * plane] = src[p]! / 127.5 - 1;
      }
    }
  });
  return tensor;
}

/** Recogniser batch width: wide enough for the widest crop, never below the training width. */
export function recBatchWidth(crops: readonly RgbImage[], height: number, minWidth: number): number {
  let ratio = minWidth / height;
  for (const c of crops) ratio = Math.max(ratio, c.width / c.height);
  return Math.ceil(height * ratio);
}

/** Indices of `crops` ordered by aspect ratio, so each batch pads little. */
export function orderByAspect(crops: readonly RgbImage[]): number[] {
  return crops.map((_, i) => i).sort((a, b) => crops[a]!.width / crops[a]!.height - crops[b]!.width / crops[b]!.height);
}
