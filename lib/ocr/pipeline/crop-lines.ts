import { CROP_CONFIG } from "../config";
import { quadSize } from "../geometry/quad";
import { rotate90Ccw } from "../geometry/rotate-rgb";
import { warpQuad } from "../geometry/warp-quad";
import type { Point, Quad, RgbImage } from "../types";
import { keepColumns, lineEndExtent } from "./line-end";

/**
 * A horizontal line's quad lengthened past its right end by `fraction` of its height, kept inside
 * the image: the detector's region stops at the last large glyph, so a line-final "." or "。"
 * (a few pixels of ink) is often outside it. The start is left alone: on forms the label ends
 * just before the value.
 */
export function extendLineEnd(quad: Quad, fraction: number, width: number, height: number): Quad {
  const [tl, tr, br, bl] = quad;
  const length = Math.hypot(tr[0] - tl[0], tr[1] - tl[1]) || 1;
  const step = fraction * quadSize(quad).height;
  const move = ([x, y]: Point): Point => [
    Math.min(Math.max(x + ((tr[0] - tl[0]) / length) * step, 0), width),
    Math.min(Math.max(y + ((tr[1] - tl[1]) / length) * step, 0), height),
  ];
  return [tl, move(tr), move(br), bl];
}

const warpToSize = (image: RgbImage, quad: Quad) => {
  const { width, height } = quadSize(quad);
  return warpQuad(image, quad, Math.max(1, Math.round(width)), Math.max(1, Math.round(height)));
};

/**
 * Rectified crop of one detected line; tall crops are vertical text and are turned to read left
 * to right. A horizontal line reaches past its box end over low ink only (line-end.ts).
 */
export function cropLine(image: RgbImage, quad: Quad): RgbImage {
  const { width, height } = quadSize(quad);
  if (height >= CROP_CONFIG.verticalRatio * width) return rotate90Ccw(warpToSize(image, quad));
  const padded = warpToSize(image, extendLineEnd(quad, CROP_CONFIG.lineEndPadding, image.width, image.height));
  return keepColumns(padded, lineEndExtent(padded, Math.max(1, Math.round(width))));
}
