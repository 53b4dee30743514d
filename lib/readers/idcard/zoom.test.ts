import { describe, expect, test } from "vitest";

import type { Quad, RgbImage, TextLine } from "@/lib/ocr/types";

import { ZOOM_CONFIG, zoomOnText } from "./zoom";

const image: RgbImage = { width: 1000, height: 800, data: new Uint8Array(1000 * 800 * 3) };

/** Five lines of `height` px, 300 px long, turned by `angle` radians about the origin. */
function lines(height: number, angle: number): TextLine[] {
  const turn = ([x, y]: [number, number]): [number, number] => [
    x * Math.cos(angle) - y * Math.sin(angle),
    x * Math.sin(angle) + y * Math.cos(angle),
  ];
  return Array.from({ length: 5 }, (_, i) => {
    const [x, y] = [200, 150 + i * 2.5 * height];
    const box = (
      [
        [x, y],
        [x + 300, y],
        [x + 300, y + height],
        [x, y + height],
      ] as [number, number][]
    ).map(turn) as Quad;
    return { text: "姓名张三", box, score: 0.9 };
  });
}

describe("zoomOnText", () => {
  test("upright text large enough: no second pass", () => {
    expect(zoomOnText(image, lines(30, 0))).toBeNull();
  });

  test("small text is enlarged to the target line height", () => {
    const crop = zoomOnText(image, lines(15, 0))!;
    const scale = ZOOM_CONFIG.targetLineHeight / 15;
    // Text extent (300 px) plus a margin of two line heights each side.
    expect(crop.width).toBeCloseTo((300 + 4 * 15) * scale, -1);
  });

  test("large but tilted text is cut out upright, at its own scale", () => {
    const crop = zoomOnText(image, lines(45, 0.2))!;
    expect(crop).not.toBeNull();
    expect(crop.width).toBeCloseTo(300 + 4 * 45, -1);
    expect(zoomOnText(image, lines(45, ZOOM_CONFIG.minTilt / 2))).toBeNull();
  });
});
