import { describe, expect, test } from "vitest";

import type { Quad, RgbImage } from "../types";
import { pointBeforeTurn, quadBeforeTurn, type Turn, turnImage } from "./turn";

/** A w×h picture whose pixel (x, y) holds (x, y, 7). */
function grid(w: number, h: number): RgbImage {
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set([x, y, 7], (y * w + x) * 3);
  return { width: w, height: h, data };
}

const px = (img: RgbImage, x: number, y: number) => [...img.data.subarray((y * img.width + x) * 3, (y * img.width + x) * 3 + 3)];

describe("quarter turns", () => {
  test("0 returns the picture itself; 90 and 270 swap the sides", () => {
    const img = grid(5, 3);
    expect(turnImage(img, 0)).toBe(img);
    for (const turn of [90, 270] as Turn[]) expect([turnImage(img, turn).width, turnImage(img, turn).height]).toEqual([3, 5]);
    expect([turnImage(img, 180).width, turnImage(img, 180).height]).toEqual([5, 3]);
  });

  test("90 turns clockwise: the original's bottom-left pixel becomes the top-left", () => {
    expect(px(turnImage(grid(5, 3), 90), 0, 0)).toEqual([0, 2, 7]);
    expect(px(turnImage(grid(5, 3), 270), 0, 0)).toEqual([4, 0, 7]);
  });

  test.each([0, 90, 180, 270] as Turn[])("every pixel of the %i° copy maps back to where it came from", (turn) => {
    const img = grid(5, 3);
    const turned = turnImage(img, turn);
    for (let y = 0; y < turned.height; y++) {
      for (let x = 0; x < turned.width; x++) {
        // Pixel centres map to pixel centres.
        const [ox, oy] = pointBeforeTurn([x + 0.5, y + 0.5], turn, img.width, img.height);
        expect(px(img, ox - 0.5, oy - 0.5)).toEqual(px(turned, x, y));
      }
    }
  });

  test("a quad keeps its corner order (the text's top-left first)", () => {
    const quad: Quad = [
      [1, 1],
      [3, 1],
      [3, 2],
      [1, 2],
    ];
    expect(quadBeforeTurn(quad, 90, 5, 3)).toEqual([
      [1, 2],
      [1, 0],
      [2, 0],
      [2, 2],
    ]);
  });
});
