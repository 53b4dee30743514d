import { describe, expect, test } from "vitest";

import type { Quad } from "@/lib/ocr/types";
import type { CtcPosterior } from "@/lib/ocr/rec/constrained-decode";

import { combineProvinces, PROVINCE_CONFIG, provinceLogProbs, provinceQuad } from "./province";

const DICT = ["<blank>", ..."浙沪京琼皖AB0123456789"];

/** One frame per entry: the characters' probabilities, the rest on blank. */
function posterior(frames: Record<string, number>[]): CtcPosterior {
  const classes = DICT.length;
  const data = new Float32Array(frames.length * classes);
  frames.forEach((f, t) => {
    let rest = 1;
    for (const [ch, p] of Object.entries(f)) {
      data[t * classes + DICT.indexOf(ch)] = p;
      rest -= p;
    }
    data[t * classes] = rest;
  });
  return { data, steps: frames.length, classes };
}

describe("province glyph region", () => {
  const crop: Quad = [
    [100, 50],
    [300, 50],
    [300, 98],
    [100, 98],
  ];

  test("spans the province's pitch around its frame, trimmed vertically", () => {
    // Province at frame 2 (x 20), letter at frame 8: a pitch of 48 px in a 200 px crop.
    const quad = provinceQuad(crop, [2, 8, 12], 200)!;
    const [from, to] = PROVINCE_CONFIG.span.map((s) => 100 + 20 + s * 48);
    const [top, bottom] = [50 + 48 * PROVINCE_CONFIG.trim, 98 - 48 * PROVINCE_CONFIG.trim];
    const expected = [
      [from, top],
      [to, top],
      [to, bottom],
      [from, bottom],
    ];
    quad.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(expected[i]![0]!);
      expect(p[1]).toBeCloseTo(expected[i]![1]!);
    });
  });

  test("no region without a province and a letter in order", () => {
    expect(provinceQuad(crop, [2], 200)).toBeNull();
    expect(provinceQuad(crop, [5, 5], 200)).toBeNull();
  });
});

describe("province opinions", () => {
  test("a province's best frame counts; absent ones get the floor", () => {
    const lp = provinceLogProbs(posterior([{ 琼: 0.3 }, { 琼: 0.6, 京: 0.2 }, {}]), DICT);
    expect(lp.get("琼")).toBeCloseTo(Math.log(0.6));
    expect(lp.get("京")).toBeCloseTo(Math.log(0.2));
    expect(lp.get("皖")).toBeCloseTo(Math.log(PROVINCE_CONFIG.floor));
    expect(lp.size).toBe(31);
  });

  test("only the frames asked for count", () => {
    const lp = provinceLogProbs(posterior([{ 琼: 0.9 }, { 皖: 0.5 }, {}]), DICT, [1, 5]);
    expect(lp.get("皖")).toBeCloseTo(Math.log(0.5));
    expect(lp.get("琼")).toBeCloseTo(Math.log(PROVINCE_CONFIG.floor));
  });

  test("summed opinions beat the single most confident one", () => {
    const whole = provinceLogProbs(posterior([{ 皖: 0.6, 琼: 0.3 }]), DICT);
    const glyph = provinceLogProbs(posterior([{ 琼: 0.7, 皖: 0.1 }]), DICT);
    const best = combineProvinces([whole, glyph])!;
    expect(best.province).toBe("琼");
    expect(best.prob).toBeGreaterThan(0.5);
    expect(best.prob).toBeLessThan(1);
  });

  test("no opinions, no province", () => {
    expect(combineProvinces([])).toBeNull();
  });
});
