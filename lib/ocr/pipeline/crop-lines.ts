import { CROP_CONFIG } from "../config";
import { quadSize } from "../geometry/quad";
import { rotate90Ccw } from "../geometry/rotate-rgb";
import { warpQuad } from "../geometry/warp-quad";
import type { Point, Quad, RgbImage } from "../types";

/**
 * The quad lengthened past its end (right, or bottom for a vertical line) by `fraction` of its
 * short side, kept inside the image: the detector's region stops at the last large glyph, so a
 * line-final "." or "。" (a few pixels of ink) is often outside it. The start is left alone: on
 * forms the label ends just before the value ("姓名 尹旭磊" read as "子尹旭磊").
 */
export function extendLineEnd(quad: Quad, fraction: number, width: number, height: number): Quad {
  const [tl, tr, br, bl] = quad;
  const size = quadSize(quad);
  const vertical = size.height >= CROP_CONFIG.verticalRatio * size.width;
  const [from, to] = vertical ? [tl, bl] : [tl, tr];
  const length = Math.hypot(to[0] - from[0], to[1] - from[1]) || 1;
  const step = fraction * (vertical ? size.width : size.height);
  const ux = ((to[0] - from[0]) / length) * step;
  const uy = ((to[1] - from[1]) / length) * step;
  const move = ([x, y]: Point, sign: number): Point => [
    Math.min(Math.max(x + sign * ux, 0), width),
    Math.min(Math.max(y + sign * uy, 0), height),
  ];
  return vertical ? [tl, tr, move(br, 1), move(bl, 1)] : [tl, move(tr, 1), move(br, 1), bl];
}

/** Rectified crop of one detected line; tall crops are vertical text and are turned to read left to right. */
export function cropLine(image: RgbImage, quad: Quad): RgbImage {
  const padded = extendLineEnd(quad, CROP_CONFIG.lineEndPadding, image.width, image.height);
  const { width, height } = quadSize(padded);
  const crop = warpQuad(image, padded, Math.max(1, Math.round(width)), Math.max(1, Math.round(height)));
  return crop.height / crop.width >= CROP_CONFIG.verticalRatio ? rotate90Ccw(crop) : crop;
}
