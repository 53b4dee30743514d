import { expect, test } from "vitest";

import type { Quad, RgbImage } from "../types";
import { extendLineEnd } from "./crop-lines";
import { keepColumns, lineEndExtent } from "./line-end";

const round = (q: Quad) => q.map(([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100]);

test("a horizontal line grows at its end by the fraction of its height; its start stays", () => {
  const q: Quad = [
    [100, 50],
    [300, 50],
    [300, 70],
    [100, 70],
  ];
  expect(round(extendLineEnd(q, 0.25, 1000, 1000))).toEqual([
    [100, 50],
    [305, 50],
    [305, 70],
    [100, 70],
  ]);
});

test("a tilted line grows along its own direction", () => {
  const q: Quad = [
    [0, 0],
    [30, 40],
    [22, 46],
    [-8, 6],
  ];
  const [tl, tr, br] = extendLineEnd(q, 0.5, 1000, 1000);
  expect(tl).toEqual([0, 0]);
  expect(tr[0]).toBeCloseTo(33);
  expect(tr[1]).toBeCloseTo(44);
  expect(br[0]).toBeCloseTo(25);
  expect(br[1]).toBeCloseTo(50);
});

test("the crop reaches past the box end over a low full stop, and stops at the next glyph's upper ink", () => {
  // White line 40×20 with a dark glyph in 0..19, a low dot at 24..26 and a tall stroke from 32.
  const width = 40;
  const height = 20;
  const image: RgbImage = { width, height, data: new Uint8Array(width * height * 3).fill(255) };
  const ink = (x0: number, x1: number, y0: number, y1: number) => {
    for (let y = y0; y < y1; y++) image.data.fill(0, (y * width + x0) * 3, (y * width + x1) * 3);
  };
  ink(2, 18, 2, 18);
  ink(24, 27, 15, 18);
  ink(32, 34, 1, 19);
  expect(lineEndExtent(image, 20)).toBe(32);
  const kept = keepColumns(image, 32);
  expect([kept.width, kept.height, kept.data.length]).toEqual([32, 20, 32 * 20 * 3]);
  expect(kept.data[(17 * 32 + 25) * 3]).toBe(0);
});

test("a crop without contrast does not reach past its box", () => {
  const flat: RgbImage = { width: 30, height: 10, data: new Uint8Array(900).fill(200) };
  expect(lineEndExtent(flat, 20)).toBe(20);
});
