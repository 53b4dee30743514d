import { expect, test, vi } from "vitest";

import type { Turn } from "../orientation/turn";
import type { Quad, RgbImage } from "../types";
import { detectUpright } from "./upright-text";

const image: RgbImage = { width: 40, height: 20, data: new Uint8Array(40 * 20 * 3) };
const quad: Quad = [
  [2, 3],
  [12, 3],
  [12, 8],
  [2, 8],
];

function pipeline(turn: Turn) {
  return { detect: vi.fn(async (_image: RgbImage) => [quad]), orientation: vi.fn(async () => turn) };
}

test("an upright picture is detected once and its boxes are kept", async () => {
  const stages = pipeline(0);
  const read = await detectUpright(stages, image);
  expect(stages.detect).toHaveBeenCalledTimes(1);
  expect(read).toMatchObject({ turn: 0, quads: [quad] });
  expect(read.crops).toHaveLength(1);
});

test("a turned picture is detected again upright, boxes go back to the picture as sent", async () => {
  const stages = pipeline(90);
  const read = await detectUpright(stages, image);
  expect(stages.detect).toHaveBeenCalledTimes(2);
  // The second detection ran on the upright copy (20 × 40).
  expect(stages.detect.mock.calls[1]![0]).toMatchObject({ width: 20, height: 40 });
  // A point (x, y) of the copy turned 90° clockwise is (y, height − x) in the picture.
  expect(read.quads[0]![0]).toEqual([3, 18]);
  expect(read.turn).toBe(90);
});
