import { expect, test } from "vitest";

import { pixelColor, plateColor } from "./color";

test.each([
  [[18, 72, 184], "blue"],
  [[242, 194, 26], "yellow"],
  [[57, 179, 107], "green"],
  [[240, 240, 240], null],
  [[30, 30, 30], null],
  [[200, 40, 40], null],
] as const)("pixel %j → %s", (rgb, color) => {
  expect(pixelColor(rgb[0], rgb[1], rgb[2])).toBe(color);
});

test("a new-energy plate (white fading to green) is green, not yellow or blue", () => {
  const width = 40;
  const height = 14;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const t = y / (height - 1);
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 3;
      data[p] = Math.round(244 + (57 - 244) * t);
      data[p + 1] = Math.round(251 + (179 - 251) * t);
      data[p + 2] = Math.round(246 + (107 - 246) * t);
    }
  }
  expect(plateColor({ width, height, data })).toBe("green");
});
