import { expect, test } from "vitest";

import type { Quad, RgbImage } from "../types";
import { GeneralOcrPipeline } from "./general";

const quad = (x: number, y: number, w: number, h: number): Quad => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
];

/** Fake recogniser: reads the first pixel; brighter first pixel = more confident. */
const recognizer = {
  run: async (crops: readonly RgbImage[]) => crops.map((c) => ({ text: `v${c.data[0]}`, score: c.data[0]! / 255 })),
};

function crop(first: number, last: number): RgbImage {
  const data = new Uint8Array(4 * 2 * 3).fill(128);
  data.fill(first, 0, 3);
  data.fill(last, data.length - 3);
  return { width: 4, height: 2, data };
}

test("flagged crops are read both ways and the more confident reading wins", async () => {
  const pipeline = new GeneralOcrPipeline({
    detector: { run: async () => [] },
    classifier: { run: async () => [0.95, 0.99, 0.5] },
    recognizer,
  });
  const results = await pipeline.recognizeCrops([crop(10, 200), crop(200, 10), crop(30, 250)]);
  expect(results.map((r) => r.text)).toEqual(["v200", "v200", "v30"]);
});

test("skipCls never flips", async () => {
  const pipeline = new GeneralOcrPipeline({
    detector: { run: async () => [] },
    classifier: { run: async () => [1] },
    recognizer,
  });
  expect((await pipeline.recognizeCrops([crop(10, 200)], { skipCls: true }))[0]!.text).toBe("v10");
});

test("recognize() sorts lines, maps boxes and drops empty or unsure readings", async () => {
  const image: RgbImage = { width: 100, height: 100, data: new Uint8Array(100 * 100 * 3).fill(255) };
  const boxes = [quad(10, 60, 50, 10), quad(10, 10, 50, 10), quad(10, 35, 50, 10)];
  const pipeline = new GeneralOcrPipeline({
    detector: { run: async () => boxes.map((q) => ({ quad: q, score: 0.9 })) },
    classifier: { run: async (crops) => crops.map(() => 0) },
    recognizer: {
      run: async (crops) =>
        crops.map(
          (_, i) =>
            [
              { text: "top", score: 0.9 },
              { text: "", score: 0.9 },
              { text: "bottom", score: 0.3 },
            ][i]!,
        ),
    },
  });
  const lines = await pipeline.recognize(image);
  expect(lines).toEqual([{ text: "top", box: boxes[1], score: 0.9 }]);
});
