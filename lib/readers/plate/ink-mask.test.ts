import { describe, expect, test } from "vitest";

import { picture } from "@/tests/support/test-picture";

import { dropEdgeInk, inkMask, otsuThreshold } from "./ink-mask";

const ascii = (ink: { width: number; data: Float32Array }) =>
  Array.from({ length: ink.data.length / ink.width }, (_, y) =>
    [...ink.data.slice(y * ink.width, (y + 1) * ink.width)].map((v) => (v > 0.5 ? "#" : ".")).join(""),
  );

describe("ink masks", () => {
  test("Otsu splits two clusters", () => {
    const t = otsuThreshold([0.1, 0.12, 0.15, 0.8, 0.85, 0.9]);
    expect(t).toBeGreaterThan(0.15);
    expect(t).toBeLessThanOrEqual(0.8);
  });

  test("ink follows the plate's polarity", () => {
    const cross = ["......", "..#...", ".###..", "..#...", "......"];
    const dark = inkMask(picture(cross, true), true);
    const light = inkMask(picture(cross, false), false);
    expect(ascii(dark)).toEqual(cross);
    expect(ascii(light)).toEqual(cross);
  });

  test("border strips and edge posts go, the glyph stays", () => {
    const rows = [
      "#########.", // plate border along the top
      "..........",
      "#...##....", // a post down the left edge
      "#..#..#...",
      "#..#..#...",
      "#...##....",
      "#.........",
      "#.........",
      "..........",
      "...##.....", // rivet on the bottom edge
    ];
    const clean = ascii(dropEdgeInk(inkMask(picture(rows, true), true)));
    expect(clean).toEqual([
      "..........",
      "..........",
      "....##....",
      "...#..#...",
      "...#..#...",
      "....##....",
      "..........",
      "..........",
      "..........",
      "..........",
    ]);
  });
});
