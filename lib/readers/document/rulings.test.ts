import { expect, test } from "vitest";

import type { RgbImage } from "@/lib/ocr/types";

import { pageFrame } from "./frame";
import { findRulings } from "./rulings";

const W = 600;
const H = 400;

function paper(): RgbImage {
  return { width: W, height: H, data: new Uint8Array(W * H * 3).fill(245) };
}

/** Ink on the points of the upright frame turned by `angle` (the page's skew). */
function ink(image: RgbImage, angle: number, points: Iterable<[number, number]>, gray = 60) {
  const frame = pageFrame(angle);
  for (const p of points) {
    const [x, y] = frame.toPicture(p).map(Math.round) as [number, number];
    if (x < 0 || y < 0 || x >= W || y >= H) continue;
    image.data.fill(gray, (y * W + x) * 3, (y * W + x) * 3 + 3);
  }
}

function* hline(y: number, x0: number, x1: number, thickness = 2): Generator<[number, number]> {
  for (let t = 0; t < thickness; t++) for (let x = x0; x <= x1; x += 0.5) yield [x, y + t];
}
function* vline(x: number, y0: number, y1: number): Generator<[number, number]> {
  for (let t = 0; t < 2; t++) for (let y = y0; y <= y1; y += 0.5) yield [x + t, y];
}

const near = (values: number[], expected: number[]) => expected.every((e) => values.some((v) => Math.abs(v - e) <= 2));

test.each([0, 0.03])("a grid's rules, skewed by %f rad, in the upright frame", (angle) => {
  const image = paper();
  for (const y of [100, 150, 200]) ink(image, angle, hline(y, 100, 500));
  for (const x of [100, 300, 500]) ink(image, angle, vline(x, 100, 200));
  const found = findRulings(image, pageFrame(angle), [], 20);
  expect(found.horizontal).toHaveLength(3);
  expect(found.vertical).toHaveLength(3);
  expect(
    near(
      found.horizontal.map((s) => s.at),
      [101, 151, 201],
    ),
  ).toBe(true);
  expect(
    near(
      found.vertical.map((s) => s.at),
      [101, 301, 501],
    ),
  ).toBe(true);
  for (const s of found.horizontal) expect([s.from, s.to]).toEqual([expect.closeTo(100, -0.7), expect.closeTo(501, -0.7)]);
});

test("text strokes, short marks and filled areas are not rules", () => {
  const image = paper();
  // A "一" 30 px long, a row of digits' tops inside a text line, a filled header band.
  ink(image, 0, hline(50, 50, 80));
  ink(image, 0, hline(300, 100, 400));
  ink(image, 0, hline(350, 100, 500, 15), 200);
  const textLine = { x0: 90, y0: 290, x1: 410, y1: 312 };
  const found = findRulings(image, pageFrame(0), [textLine], 20);
  expect(found).toEqual({ horizontal: [], vertical: [] });
});

test("a grey rule under uneven light is still a rule", () => {
  const image = paper();
  // Darker right half of the page (a shadow), the rule only 40 levels below the paper.
  for (let y = 0; y < H; y++) for (let x = W / 2; x < W; x++) image.data.fill(150, (y * W + x) * 3, (y * W + x) * 3 + 3);
  ink(image, 0, hline(200, 50, 550), 110);
  const found = findRulings(image, pageFrame(0), [], 20);
  expect(found.horizontal.length).toBeGreaterThanOrEqual(1);
  expect(Math.min(...found.horizontal.map((s) => s.from))).toBeLessThan(W / 2);
});
