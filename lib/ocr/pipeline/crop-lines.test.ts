import { expect, test } from "vitest";

import type { Quad } from "../types";
import { extendLineEnd } from "./crop-lines";

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

test("a vertical line grows at its bottom, and nothing leaves the image", () => {
  const q: Quad = [
    [2, 10],
    [22, 10],
    [22, 200],
    [2, 200],
  ];
  expect(round(extendLineEnd(q, 0.25, 30, 202))).toEqual([
    [2, 10],
    [22, 10],
    [22, 202],
    [2, 202],
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
