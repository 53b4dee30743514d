import { expect, test } from "vitest";

import { bestNation } from "./read-nation";

const DICT = ["<blank>", "民", "族", "鑫", "畲", "汉", "傈", "僳"];

/** Frames with the given class probabilities; the rest of each frame is blank. */
function posterior(frames: Record<string, number>[]) {
  const data = new Float32Array(frames.length * DICT.length);
  frames.forEach((f, t) => {
    let rest = 1;
    for (const [ch, p] of Object.entries(f)) {
      data[t * DICT.length + DICT.indexOf(ch)] = p;
      rest -= p;
    }
    data[t * DICT.length] = rest;
  });
  return { data, steps: frames.length, classes: DICT.length };
}

test("a misread rare character: the listed group the model gave support wins", () => {
  const p = posterior([{ 民: 0.99 }, {}, { 族: 0.99 }, {}, { 鑫: 0.5, 畲: 0.1 }, {}]);
  expect(bestNation(p, DICT, "民族")).toBe("畲");
});

test("two-character names, read without the label", () => {
  const p = posterior([{ 傈: 0.3 }, {}, { 僳: 0.2 }, {}]);
  expect(bestNation(p, DICT, "")).toBe("傈僳");
});

test("no group has support: nothing is invented", () => {
  const p = posterior([{ 鑫: 0.95, 畲: 0.001 }, {}]);
  expect(bestNation(p, DICT, "")).toBe("");
});
