import { expect, test } from "vitest";

import type { Quad } from "../types";
import { sortBoxes } from "./sort-boxes";

const rect = (x: number, y: number, w: number, h: number, slope = 0): Quad => [
  [x, y],
  [x + w, y + w * slope],
  [x + w, y + h + w * slope],
  [x, y + h],
];

test.each([
  ["rows top to bottom", [rect(0, 100, 50, 20), rect(0, 0, 50, 20), rect(0, 50, 50, 20)], [1, 2, 0]],
  ["same line left to right despite a small vertical offset", [rect(200, 4, 80, 20), rect(0, 0, 80, 20), rect(100, 8, 80, 20)], [1, 2, 0]],
  ["next line not merged into the previous one", [rect(0, 0, 80, 20), rect(300, 0, 80, 20), rect(0, 25, 80, 20)], [0, 1, 2]],
  [
    "boxes on a tilted page stay on their line",
    [rect(0, 0, 200, 20, 0.1), rect(300, 30, 100, 20, 0.1), rect(0, 30, 200, 20, 0.1)],
    [0, 1, 2],
  ],
  ["vertical columns right to left, each top to bottom", [rect(0, 0, 20, 100), rect(40, 0, 20, 100), rect(40, 110, 20, 50)], [1, 2, 0]],
  ["empty", [], []],
] as const)("%s", (_, quads, expected) => {
  const items = quads.map((q, i) => ({ i, q: q as Quad }));
  expect(sortBoxes(items, (x) => x.q).map((x) => x.i)).toEqual(expected);
});
