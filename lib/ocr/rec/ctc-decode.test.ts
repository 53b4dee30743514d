import { expect, test } from "vitest";

import { ctcGreedyDecode } from "./ctc-decode";
import { buildDictionary } from "./dictionary";

const dictionary = ["", "a", "b", "中", " "];

function probs(rows: [number, number][]): Float32Array {
  // Each row: [argmax class, its probability]; the rest share the remainder.
  const out = new Float32Array(rows.length * dictionary.length);
  rows.forEach(([c, p], t) => {
    for (let k = 0; k < dictionary.length; k++) out[t * dictionary.length + k] = k === c ? p : (1 - p) / (dictionary.length - 1);
  });
  return out;
}

test.each([
  [
    "merges repeats and drops blanks",
    [
      [1, 0.9],
      [1, 0.8],
      [0, 0.9],
      [1, 0.7],
      [2, 0.6],
      [0, 0.99],
    ],
    "aab",
    (0.9 + 0.7 + 0.6) / 3,
  ],
  [
    "repeat separated by blank is two characters",
    [
      [3, 1],
      [0, 1],
      [3, 1],
    ],
    "中中",
    1,
  ],
  [
    "all blanks → empty with score 0",
    [
      [0, 0.9],
      [0, 0.9],
    ],
    "",
    0,
  ],
  [
    "space class is kept",
    [
      [1, 1],
      [4, 1],
      [2, 1],
    ],
    "a b",
    1,
  ],
] as const)("%s", (_, rows, text, score) => {
  const r = ctcGreedyDecode(probs(rows.map((x) => [...x] as [number, number])), rows.length, dictionary.length, dictionary);
  expect(r.text).toBe(text);
  expect(r.score).toBeCloseTo(score, 5);
});

test("decodes at an offset inside a batch", () => {
  const batch = new Float32Array([...probs([[2, 1]]), ...probs([[3, 0.5]])]);
  expect(ctcGreedyDecode(batch, 1, dictionary.length, dictionary, dictionary.length).text).toBe("中");
});

test("buildDictionary adds blank first and space last", () => {
  expect(buildDictionary("a\nb\r\nc\n")).toEqual(["", "a", "b", "c", " "]);
  expect(buildDictionary("a\nb")).toEqual(["", "a", "b", " "]);
});
