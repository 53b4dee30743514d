import { expect, test } from "vitest";

import { DET_CONFIG } from "../config";
import { detInputSize, preprocessDet } from "./preprocess";

test.each([
  ["page within the area cap stays near native size", 700, 900, { width: 704, height: 896 }],
  ["large photo shrinks to about the area cap", 4000, 3000, { width: 1120, height: 832 }],
  ["long strip is enlarged, not capped by its long side", 1167, 54, { width: 2336, height: 96 }],
  ["small crop is enlarged at most 2×", 136, 48, { width: 288, height: 96 }],
  ["tiny image still gets one stride", 10, 10, { width: 32, height: 32 }],
])("%s", (_, w, h, expected) => {
  const size = detInputSize(w, h);
  expect(size).toEqual(expected);
  expect(size.width * size.height).toBeLessThanOrEqual(DET_CONFIG.maxPixels * 1.1);
});

test("preprocessDet normalises in BGR order and records the resize", () => {
  const image = { width: 32, height: 32, data: new Uint8Array(32 * 32 * 3) };
  for (let i = 0; i < 32 * 32; i++) image.data.set([255, 0, 0], i * 3); // pure red
  const input = preprocessDet(image, { ...DET_CONFIG, minSideLen: 0 });
  const plane = 32 * 32;
  expect(input.tensor[0]).toBeCloseTo((0 - 0.485) / 0.229, 4); // blue plane first
  expect(input.tensor[2 * plane]).toBeCloseTo((1 - 0.406) / 0.225, 4); // red plane last
  expect(input.ops).toEqual([{ kind: "resize", fromWidth: 32, fromHeight: 32, toWidth: 32, toHeight: 32 }]);
});
