import { CROP_CONFIG } from "../config";
import { quadSize } from "../geometry/quad";
import { rotate90Ccw } from "../geometry/rotate-rgb";
import { warpQuad } from "../geometry/warp-quad";
import type { Quad, RgbImage } from "../types";

/** Rectified crop of one detected line; tall crops are vertical text and are turned to read left to right. */
export function cropLine(image: RgbImage, quad: Quad): RgbImage {
  const { width, height } = quadSize(quad);
  const crop = warpQuad(image, quad, Math.max(1, Math.round(width)), Math.max(1, Math.round(height)));
  return crop.height / crop.width >= CROP_CONFIG.verticalRatio ? rotate90Ccw(crop) : crop;
}
