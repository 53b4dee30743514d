import { describe, expect, test } from "vitest";

import type { Quad } from "@/lib/ocr/types";

import { plateOutline } from "./outline";

const rect = (x0: number, y0: number, x1: number, y1: number): Quad => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

describe("plateOutline", () => {
  // A text-box reading: the plate (300–420 × 200–238) plus the crop's margins.
  const loose = rect(293, 189, 427, 249);

  test("the colour region around a reading is its outline", () => {
    expect(plateOutline(loose, [{ quad: rect(300, 200, 420, 238) }])).toEqual(rect(300, 200, 420, 238));
  });

  test("of several regions, the one overlapping the reading most", () => {
    const regions = [{ quad: rect(290, 195, 500, 245) }, { quad: rect(300, 200, 420, 238) }];
    expect(plateOutline(loose, regions)).toEqual(rect(300, 200, 420, 238));
  });

  test("no region, a region elsewhere, or only a strip of the plate: the reading's box stays", () => {
    expect(plateOutline(loose, [])).toEqual(loose);
    expect(plateOutline(loose, [{ quad: rect(600, 200, 720, 238) }])).toEqual(loose);
    // A green plate's gradient: only the lower third is green enough.
    expect(plateOutline(loose, [{ quad: rect(300, 226, 420, 238) }])).toEqual(loose);
  });
});
