import { describe, expect, test } from "vitest";

import { plateTensor } from "./plate-tensor";

describe("plateTensor", () => {
  test("stretches to the input size, RGB planes in [-1, 1]", () => {
    // 2×1 image: a red pixel and a white one, stretched to 4×2
    const image = { width: 2, height: 1, data: new Uint8Array([255, 0, 0, 255, 255, 255]) };
    const tensor = plateTensor(image, 4, 2);
    expect(tensor.length).toBe(3 * 4 * 2);
    const plane = 8;
    expect(tensor[0]).toBeCloseTo(1); // R of the red corner
    expect(tensor[plane]).toBeCloseTo(-1); // G of the red corner
    expect(tensor[2 * plane]).toBeCloseTo(-1); // B of the red corner
    expect(tensor[3 + 2 * plane]).toBeCloseTo(1); // B of the white corner
    expect(Math.min(...tensor)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...tensor)).toBeLessThanOrEqual(1);
  });
});
