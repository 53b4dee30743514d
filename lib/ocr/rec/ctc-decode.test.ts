import { expect, test } from "vitest";

import { ctcBestPath, ctcGreedyDecode } from "./ctc-decode";
import { buildDictionary } from "./dictionary";

const dictionary = ["", "a", "b", "中", " "];

function probs(rows: [number, number][]): Float32Array {
  // Each row: [argmax class, its probability]; the other letters share the remainder (the space
  // class gets none unless it is the arg-max: a space-class peak between letters means a space).
  const space = dictionary.length - 1;
  const out = new Float32Array(rows.length * dictionary.length);
  rows.forEach(([c, p], t) => {
    for (let k = 0; k < dictionary.length; k++) {
      out[t * dictionary.length + k] = k === c ? p : k === space ? 0 : (1 - p) / (dictionary.length - (c === space ? 1 : 2));
    }
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

/** Rows of full distributions over ["", "a", "b", "中", " "]. */
function rows(...dists: number[][]): Float32Array {
  return new Float32Array(dists.flat());
}

test("the best path keeps each character's frames and the space class between characters", () => {
  const path = ctcBestPath(
    rows([0, 0.9, 0, 0, 0.1], [0, 0.9, 0, 0, 0.1], [0.8, 0, 0, 0, 0.2], [0.9, 0, 0, 0, 0.05], [0, 0, 0.9, 0, 0.1], [0.99, 0, 0, 0, 0.01]),
    6,
    5,
  );
  expect(path.emissions).toEqual([
    { index: 1, p: expect.closeTo(0.9, 5), first: 0, last: 1 },
    { index: 2, p: expect.closeTo(0.9, 5), first: 4, last: 4 },
  ]);
  expect(path.gapSpace).toHaveLength(1);
  expect(path.gapSpace[0]).toBeCloseTo(0.2, 5);
});

test("a space-class peak under the blank becomes a space between Latin letters, not between Chinese ones", () => {
  const gap = [0.9, 0, 0, 0, 0.1];
  expect(ctcGreedyDecode(rows([0, 1, 0, 0, 0], gap, [0, 0, 1, 0, 0]), 3, 5, dictionary).text).toBe("a b");
  expect(ctcGreedyDecode(rows([0, 0, 0, 1, 0], [0.995, 0, 0, 0, 0.005], [0, 0, 0, 1, 0]), 3, 5, dictionary).text).toBe("中中");
});
