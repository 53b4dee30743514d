import { describe, expect, test } from "vitest";

import { decodePlateCtc } from "./decode-plate";

const CHARSET = "皖AB12";

/** One row per step: the class that wins and its probability; the rest share what is left. */
function matrix(steps: Array<[cls: number, p: number]>, classes = CHARSET.length + 1): Float32Array {
  const out = new Float32Array(steps.length * classes);
  steps.forEach(([cls, p], t) => {
    for (let c = 0; c < classes; c++) out[t * classes + c] = c === cls ? p : (1 - p) / (classes - 1);
  });
  return out;
}

describe("decodePlateCtc", () => {
  test("merges repeats, drops blanks, keeps a repeated character split by a blank", () => {
    const probs = matrix([
      [1, 0.9],
      [1, 0.8],
      [0, 0.99],
      [2, 0.7],
      [0, 0.9],
      [4, 0.6],
      [0, 0.9],
      [4, 0.95],
    ]);
    const reading = decodePlateCtc(probs, 8, CHARSET.length + 1, CHARSET);
    expect(reading.text).toBe("皖A11");
    expect(reading.charProbs.map((p) => Number(p.toFixed(2)))).toEqual([0.9, 0.7, 0.6, 0.95]);
  });

  test("a character's probability is the highest over the steps that emitted it", () => {
    const probs = matrix([
      [3, 0.4],
      [3, 0.85],
      [3, 0.5],
    ]);
    const reading = decodePlateCtc(probs, 3, CHARSET.length + 1, CHARSET);
    expect(reading.text).toBe("B");
    expect(reading.charProbs[0]).toBeCloseTo(0.85, 5);
  });

  test("all blanks read as nothing", () => {
    const reading = decodePlateCtc(
      matrix([
        [0, 0.9],
        [0, 0.8],
      ]),
      2,
      CHARSET.length + 1,
      CHARSET,
    );
    expect(reading).toEqual({ text: "", charProbs: [] });
  });
});
