import type { RgbImage } from "../types";

/** Share of the line height, from the top, where line-final punctuation (. 。 , … ) has no ink. */
const UPPER_ROWS = 0.45;
/** A pixel is ink when it differs from the background by this share of the crop's contrast. */
const INK_SHARE = 0.5;
/** Below this contrast (0–255) the crop has no readable ink to judge by. */
const MIN_CONTRAST = 40;

const luminance = (d: Uint8Array, p: number) => (d[p]! * 299 + d[p + 1]! * 587 + d[p + 2]! * 114) / 1000;

/**
 * How far (columns) a horizontal line crop may reach past its box end `boxEnd`: up to the first
 * column with ink in the line's upper part, which is the next word's glyph ("民族" + the 亻 of
 * "傈僳" read as "民族保"), while line-final punctuation sits low and stays in.
 */
export function lineEndExtent(crop: RgbImage, boxEnd: number): number {
  const { width, height, data } = crop;
  if (boxEnd >= width) return width;
  // Background: the median of the top and bottom rows, which the detector's margin leaves clear.
  const edge: number[] = [];
  for (const y of [0, height - 1]) for (let x = 0; x < width; x++) edge.push(luminance(data, (y * width + x) * 3));
  edge.sort((a, b) => a - b);
  const background = edge[edge.length >> 1]!;
  let contrast = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < boxEnd; x++) contrast = Math.max(contrast, Math.abs(luminance(data, (y * width + x) * 3) - background));
  }
  if (contrast < MIN_CONTRAST) return boxEnd;
  const upper = Math.max(1, Math.floor(height * UPPER_ROWS));
  for (let x = boxEnd; x < width; x++) {
    for (let y = 0; y < upper; y++) {
      if (Math.abs(luminance(data, (y * width + x) * 3) - background) > INK_SHARE * contrast) return x;
    }
  }
  return width;
}

/** The left `width` columns of an image. */
export function keepColumns(image: RgbImage, width: number): RgbImage {
  if (width >= image.width) return image;
  const data = new Uint8Array(width * image.height * 3);
  for (let y = 0; y < image.height; y++) {
    data.set(image.data.subarray(y * image.width * 3, (y * image.width + width) * 3), y * width * 3);
  }
  return { width, height: image.height, data };
}
