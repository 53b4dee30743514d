import { DET_CONFIG } from "../config";
import { resizeRgb } from "../geometry/resize-rgb";
import type { RgbImage } from "../types";

export interface DetResizeOptions {
  maxPixels: number;
  maxSideLen: number;
  minSideLen: number;
  maxUpscale: number;
  sizeMultiple: number;
}

/** One recorded geometric step, replayed backwards to map detector boxes to image pixels. */
export interface ResizeOp {
  kind: "resize";
  fromWidth: number;
  fromHeight: number;
  toWidth: number;
  toHeight: number;
}

export interface DetInput {
  tensor: Float32Array;
  width: number;
  height: number;
  ops: ResizeOp[];
}

// ImageNet statistics, in the channel order Paddle feeds them: the detector was trained on
// OpenCV (BGR) images normalised with these values, so channel 0 is blue.
const MEAN_BGR = [0.485, 0.456, 0.406] as const;
const STD_BGR = [0.229, 0.224, 0.225] as const;

/**
 * Detector input size: enlarge small images (up to `maxUpscale`) so the short side reaches
 * `minSideLen`, never beyond `maxPixels` / `maxSideLen`, then round each side to the stride.
 */
export function detInputSize(width: number, height: number, o: DetResizeOptions = DET_CONFIG) {
  const longSide = Math.max(width, height);
  const shortSide = Math.min(width, height);
  const cap = Math.min(Math.sqrt(o.maxPixels / (width * height)), o.maxSideLen / longSide);
  const grow = shortSide < o.minSideLen ? Math.min(o.minSideLen / shortSide, o.maxUpscale) : 1;
  const ratio = Math.min(grow, cap);
  const round = (v: number) => Math.max(o.sizeMultiple, Math.round((v * ratio) / o.sizeMultiple) * o.sizeMultiple);
  return { width: round(width), height: round(height) };
}

/** Resized, normalised CHW float tensor (BGR) plus the op record for mapping boxes back. */
export function preprocessDet(image: RgbImage, options: DetResizeOptions = DET_CONFIG): DetInput {
  const size = detInputSize(image.width, image.height, options);
  const resized = resizeRgb(image, size.width, size.height);
  const plane = size.width * size.height;
  const tensor = new Float32Array(plane * 3);
  const src = resized.data;
  for (let i = 0; i < plane; i++) {
    const p = i * 3;
    // RGB source → BGR planes.
    tensor[i] = (src[p + 2]! / 255 - MEAN_BGR[0]) / STD_BGR[0];
    tensor[plane + i] = (src[p + 1]! / 255 - MEAN_BGR[1]) / STD_BGR[1];
    tensor[2 * plane + i] = (src[p]! / 255 - MEAN_BGR[2]) / STD_BGR[2];
  }
  return {
    tensor,
    width: size.width,
    height: size.height,
    ops: [{ kind: "resize", fromWidth: image.width, fromHeight: image.height, toWidth: size.width, toHeight: size.height }],
  };
}
