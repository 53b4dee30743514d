import { expect, test } from "vitest";

import type { Quad } from "@/lib/ocr/types";

import { doubleRowView, sideBySide, subQuad } from "./plate-views";

const square: Quad = [
  [0, 0],
  [100, 0],
  [100, 50],
  [0, 50],
];

test("a sub-quad by shares of width and height", () => {
  expect(subQuad(square, [0.25, 0.75], [0, 0.5])).toEqual([
    [25, 0],
    [75, 0],
    [75, 25],
    [25, 25],
  ]);
});

test("images side by side keep each one's pixels", () => {
  const a = { width: 1, height: 2, data: new Uint8Array([1, 1, 1, 2, 2, 2]) };
  const b = { width: 2, height: 2, data: new Uint8Array([3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6]) };
  expect(sideBySide([a, b])).toEqual({ width: 3, height: 2, data: new Uint8Array([1, 1, 1, 3, 3, 3, 4, 4, 4, 2, 2, 2, 5, 5, 5, 6, 6, 6]) });
});

test("a double-row plate: top row (dark) left of the bottom row (light), one line high", () => {
  // 200 × 100 plate: top 40 % black, the rest white.
  const data = new Uint8Array(200 * 100 * 3).fill(255);
  data.fill(0, 0, 200 * 40 * 3);
  const plate: Quad = [
    [0, 0],
    [200, 0],
    [200, 100],
    [0, 100],
  ];
  const view = doubleRowView({ width: 200, height: 100, data }, plate, 48, 1);
  expect(view.height).toBe(48);
  expect(view.width).toBeGreaterThan(4 * 48);
  const at = (x: number) => view.data[(24 * view.width + x) * 3]!;
  expect(at(5)).toBeLessThan(60);
  expect(at(view.width - 5)).toBeGreaterThan(200);
});
