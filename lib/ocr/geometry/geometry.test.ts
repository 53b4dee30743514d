import { describe, expect, test } from "vitest";

import type { Point, Quad, RgbImage } from "../types";
import { minAreaRect, rectCorners } from "./min-area-rect";
import { orderQuad, polygonArea, quadIou } from "./quad";
import { resizeRgb } from "./resize-rgb";
import { rotate180, rotate90Ccw } from "./rotate-rgb";
import { warpQuad } from "./warp-quad";

function gradient(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      data[o] = x;
      data[o + 1] = y;
      data[o + 2] = 128;
    }
  }
  return { width, height, data };
}

const px = (img: RgbImage, x: number, y: number) => [...img.data.subarray((y * img.width + x) * 3, (y * img.width + x) * 3 + 3)];

describe("minAreaRect", () => {
  test("recovers a rotated rectangle from its points", () => {
    const a = Math.PI / 6;
    const pts: Point[] = [];
    for (let u = 0; u <= 40; u += 2)
      for (let v = 0; v <= 10; v += 2) pts.push([u * Math.cos(a) - v * Math.sin(a), u * Math.sin(a) + v * Math.cos(a)]);
    const r = minAreaRect(pts);
    expect([Math.max(r.width, r.height), Math.min(r.width, r.height)].map((x) => Math.round(x))).toEqual([40, 10]);
    expect(polygonArea(rectCorners(r))).toBeCloseTo(400, 3);
  });

  test("degenerate inputs", () => {
    expect(minAreaRect([]).width).toBe(0);
    expect(minAreaRect([[3, 4]]).center).toEqual([3, 4]);
    expect(
      minAreaRect([
        [0, 0],
        [10, 0],
      ]).width,
    ).toBeCloseTo(10);
  });
});

describe("quads", () => {
  test("orderQuad returns TL, TR, BR, BL", () => {
    expect(
      orderQuad([
        [10, 10],
        [0, 10],
        [10, 0],
        [0, 0],
      ]),
    ).toEqual([
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ]);
  });

  test("quadIou", () => {
    const a: Quad = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ];
    const b: Quad = [
      [5, 0],
      [15, 0],
      [15, 10],
      [5, 10],
    ];
    expect(quadIou(a, a)).toBeCloseTo(1);
    expect(quadIou(a, b)).toBeCloseTo(50 / 150);
    expect(
      quadIou(a, [
        [20, 20],
        [30, 20],
        [30, 30],
        [20, 30],
      ]),
    ).toBe(0);
  });
});

describe("pixels", () => {
  test("resizeRgb: identity copy, upscale keeps corners, downscale averages", () => {
    const img = gradient(4, 2);
    expect(resizeRgb(img, 4, 2).data).toEqual(img.data);
    const up = resizeRgb(img, 8, 4);
    expect(px(up, 0, 0)).toEqual([0, 0, 128]);
    expect(px(up, 7, 3)).toEqual([3, 1, 128]);
    const down = resizeRgb(gradient(4, 4), 2, 2);
    expect(px(down, 0, 0)).toEqual([1, 1, 128]); // mean of 0 and 1 = 0.5 → rounds to 1
    expect(px(down, 1, 1)).toEqual([3, 3, 128]);
  });

  test("warpQuad: axis-aligned quad is a plain crop", () => {
    const img = gradient(50, 40);
    const crop = warpQuad(
      img,
      [
        [10, 5],
        [30, 5],
        [30, 15],
        [10, 15],
      ],
      20,
      10,
    );
    expect([crop.width, crop.height]).toEqual([20, 10]);
    expect(px(crop, 0, 0)).toEqual([10, 5, 128]);
    expect(px(crop, 19, 9)).toEqual([29, 14, 128]);
  });

  test("warpQuad: a 90°-rotated quad rotates the content", () => {
    const img = gradient(50, 40);
    // Quad whose "top" edge runs downwards along x = 30.
    const crop = warpQuad(
      img,
      [
        [30, 5],
        [30, 25],
        [20, 25],
        [20, 5],
      ],
      20,
      10,
    );
    expect(px(crop, 0, 0)).toEqual([29, 5, 128]);
    expect(px(crop, 19, 0)).toEqual([29, 24, 128]);
  });

  test("rotations", () => {
    const img = gradient(3, 2);
    const ccw = rotate90Ccw(img);
    expect([ccw.width, ccw.height]).toEqual([2, 3]);
    expect(px(ccw, 0, 0)).toEqual(px(img, 2, 0));
    expect(px(ccw, 1, 2)).toEqual(px(img, 0, 1));
    expect(px(rotate180(img), 0, 0)).toEqual(px(img, 2, 1));
  });
});
