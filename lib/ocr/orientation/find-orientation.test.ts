import { describe, expect, test } from "vitest";

import type { Quad, RgbImage } from "../types";
import { findOrientation, flatCrop, lineOf } from "./find-orientation";

const rect = (x: number, y: number, w: number, h: number): Quad => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
];

function blank(w: number, h: number): RgbImage {
  return { width: w, height: h, data: new Uint8Array(w * h * 3).fill(255) };
}

describe("lineOf", () => {
  test("direction comes from the long side, whatever the corner order", () => {
    const tall = lineOf([
      [10, 100],
      [10, 0],
      [20, 0],
      [20, 100],
    ]);
    expect(tall.vertical).toBe(true);
    expect(tall.along.map((v) => v + 0)).toEqual([0, 1]); // -0 is 0 here
    expect([tall.length, tall.thickness]).toEqual([100, 10]);
    const wide = lineOf(rect(0, 0, 80, 10), 0.5);
    expect(wide.vertical).toBe(false);
    expect(wide.along).toEqual([1, 0]);
    expect(wide.length).toBe(160);
  });
});

describe("flatCrop", () => {
  test("a vertical line is laid flat as by a quarter turn counter-clockwise: its top end on the left", () => {
    const image = blank(40, 100);
    // A dark mark at the top of the column, on its right half.
    for (let y = 10; y < 20; y++) image.data.fill(0, (y * 40 + 15) * 3, (y * 40 + 20) * 3);
    const crop = flatCrop(image, lineOf(rect(10, 10, 10, 80)));
    expect([crop.width, crop.height]).toEqual([80, 10]);
    const dark = (x: number, y: number) => crop.data[(y * crop.width + x) * 3]! < 128;
    expect(dark(3, 2)).toBe(true); // left end, upper half = the column's top, right half
    expect(dark(3, 8)).toBe(false);
    expect(dark(70, 2)).toBe(false);
  });
});

describe("findOrientation", () => {
  const lines = [rect(10, 10, 10, 200), rect(40, 10, 10, 180), rect(70, 10, 10, 150)];
  const noDetector = {
    run: async () => {
      throw new Error("lines were given");
    },
  };
  const reads = (score: number) => ({ run: async (crops: readonly RgbImage[]) => crops.map(() => ({ text: "字", score })) });

  test("given lines are used as they are; a sideways page read well once turned is turned", async () => {
    const stages = {
      detector: noDetector,
      classifier: { run: async (c: readonly RgbImage[]) => c.map(() => 0.02) },
      recognizer: reads(0.95),
    };
    expect(await findOrientation(blank(100, 220), stages, lines)).toBe(270);
  });

  test("a quarter turn is refused when the turned lines do not read well", async () => {
    const stages = {
      detector: noDetector,
      classifier: { run: async (c: readonly RgbImage[]) => c.map(() => 0.99) },
      recognizer: reads(0.4),
    };
    expect(await findOrientation(blank(100, 220), stages, lines)).toBe(0);
  });

  test("without lines, they are detected on a copy at most maxPixels large, and mapped back", async () => {
    const seen: { width: number }[] = [];
    const crops: RgbImage[] = [];
    const stages = {
      detector: {
        run: async (image: RgbImage) => {
          seen.push(image);
          return [rect(10, 10, 300, 20), rect(10, 50, 300, 20)].map((quad) => ({ quad, score: 0.9 }));
        },
      },
      classifier: {
        run: async (c: readonly RgbImage[]) => {
          crops.push(...c);
          return c.map(() => 0.99);
        },
      },
      recognizer: reads(1),
    };
    expect(await findOrientation(blank(2000, 1000), stages)).toBe(180);
    expect(seen[0]!.width).toBeLessThan(2000);
    expect(crops[0]!.width).toBeGreaterThan(300);
  });
});
