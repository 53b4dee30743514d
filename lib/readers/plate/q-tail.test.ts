import { describe, expect, test } from "vitest";

import type { Quad } from "@/lib/ocr/types";
import type { CtcPosterior } from "@/lib/ocr/rec/constrained-decode";
import { picture } from "@/tests/support/test-picture";

import { dropEdgeInk, inkMask } from "./ink-mask";
import { charQuad, peakProb, Q_TAIL_CONFIG, tailAsymmetry } from "./q-tail";

const ink = (rows: string[]) => dropEdgeInk(inkMask(picture(rows, false), false));

// Plate-font 0 and Q at about the size they have on a 60 px wide plate, cropped with margins.
const ZERO = ["........", "..####..", ".##..##.", ".##..##.", ".##..##.", ".##..##.", ".##..##.", ".##..##.", "..####..", "........"];
const Q = ["........", "..####..", ".##..##.", ".##..##.", ".##..##.", ".##..##.", ".##..##.", ".##.###.", "..#####.", "......#."];

describe("Q's tail", () => {
  test("a round 0 is symmetric, Q leans right at the bottom", () => {
    expect(Math.abs(tailAsymmetry(ink(ZERO)))).toBeLessThan(0.1);
    expect(tailAsymmetry(ink(Q))).toBeGreaterThanOrEqual(Q_TAIL_CONFIG.minAsymmetry);
  });

  test("no ink, no tail", () => {
    expect(tailAsymmetry(ink(["....", "...."]))).toBe(0);
  });

  test("a character's cell is one pitch around its peak frame, full height", () => {
    const crop: Quad = [
      [100, 50],
      [300, 50],
      [300, 98],
      [100, 98],
    ];
    // Frames 2, 5 | 9, 12, 15, 18, 21 → pitch 3 frames = 24 px; character 3 at frame 12 (x 100).
    const quad = charQuad(crop, [2, 5, 9, 12, 15, 18, 21], 3, 200)!;
    expect(quad[0][0]).toBeCloseTo(100 + 100 - 12);
    expect(quad[1][0]).toBeCloseTo(100 + 100 + 12);
    expect(quad[0][1]).toBe(50);
    expect(quad[3][1]).toBe(98);
    expect(charQuad(crop, [2, 5], 1, 200)).toBeNull();
  });

  test("a class's peak posterior is taken within one frame of the character's", () => {
    const posterior: CtcPosterior = { data: new Float32Array([1, 0, 0.9, 0.1, 0.6, 0.4, 0.98, 0.02]), steps: 4, classes: 2 };
    expect(peakProb(posterior, 1, 1)).toBeCloseTo(0.4);
    expect(peakProb(posterior, 1, 0)).toBeCloseTo(0.1);
    expect(peakProb(posterior, 0, 1)).toBe(0);
  });
});
