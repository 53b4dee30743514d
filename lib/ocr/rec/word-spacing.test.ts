import { expect, test } from "vitest";

import { joinWithSpaces, type SpacedChar } from "./word-spacing";

const chars = (text: string): SpacedChar[] => Array.from(text, (char, i) => ({ char, first: 3 * i, last: 3 * i }));

test.each([
  ["Latin words: a clear space-class peak is a space", "Toface", [0, 0.2, 0, 0, 0], "To face"],
  ["Latin: the ~0.001 inside a word is not", "Movie", [0.001, 0.002, 0.005, 0.001], "Movie"],
  ["Chinese/Latin boundary with a printed gap", "由CUDA执行", [0.02, 0, 0, 0, 0.001, 0], "由 CUDA执行"],
  ["between Chinese characters a faint peak is not a space", "营业执照", [0.006, 0.008, 0.009], "营业执照"],
  ["between Chinese characters a printed space is", "第一条甲方", [0, 0, 0.04, 0], "第一条 甲方"],
  ["never next to full-width punctuation", "租金，按季（甲）", [0, 0.9, 0.9, 0, 0.5, 0.5, 0.5], "租金，按季（甲）"],
  ["nor between a Chinese letter and ASCII punctuation read for a full-width one", "金额(元)", [0, 0.9, 0.9, 0.9], "金额(元)"],
  ["curly quotes and ellipses follow the Latin rule", "say“hi”…", [0, 0, 0.3, 0, 0, 0], "say “hi”…"],
] as const)("%s", (_, text, gaps, expected) => {
  expect(joinWithSpaces(chars(text), gaps)).toBe(expected);
});

test("no characters → empty text", () => {
  expect(joinWithSpaces([], [])).toBe("");
});
