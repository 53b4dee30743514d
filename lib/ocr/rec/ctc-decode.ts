import { type SpacedChar, joinWithSpaces } from "./word-spacing";

export interface CtcDecoded {
  text: string;
  /** Mean of the max probabilities of the emitted characters (0 when nothing is emitted). */
  score: number;
}

/** One character of the best path: its class, its peak probability and the frames it spans. */
export interface CtcEmission {
  index: number;
  p: number;
  first: number;
  last: number;
}

/**
 * The best path with its geometry. `gapSpace[i]` is the largest probability of the space class
 * (the last class: PP-OCR's `use_space_char`) on the frames between emission i and i + 1: the
 * recogniser rarely makes the space its arg-max, but between printed words it stands out
 * (≥ 0.05) against the ~0.001 it has inside a word.
 */
export interface CtcPath {
  emissions: CtcEmission[];
  gapSpace: number[];
}

/**
 * Greedy CTC path of one sequence: arg-max per time step, repeats merged, blanks (index 0) and
 * the space class left out of the characters. `probs` is `steps × classes`, row-major, from `offset`.
 */
export function ctcBestPath(probs: Float32Array, steps: number, classes: number, offset = 0): CtcPath {
  const space = classes - 1;
  const emissions: CtcEmission[] = [];
  const gapSpace: number[] = [];
  let previous = -1;
  let spaceSinceLast = 0;
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes;
    let best = 0;
    let bestP = probs[row]!;
    for (let c = 1; c < classes; c++) {
      const p = probs[row + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    const last = emissions[emissions.length - 1];
    if (best !== 0 && best !== space && best === previous && last) {
      last.last = t;
    } else if (best !== 0 && best !== space) {
      if (last) gapSpace.push(spaceSinceLast);
      emissions.push({ index: best, p: bestP, first: t, last: t });
      spaceSinceLast = 0;
    } else spaceSinceLast = Math.max(spaceSinceLast, probs[row + space]!);
    previous = best;
  }
  return { emissions, gapSpace };
}

/** Greedy CTC decoding of one sequence, with spaces where the path shows printed gaps (word-spacing.ts). */
export function ctcGreedyDecode(
  probs: Float32Array,
  steps: number,
  classes: number,
  dictionary: readonly string[],
  offset = 0,
): CtcDecoded {
  const { emissions, gapSpace } = ctcBestPath(probs, steps, classes, offset);
  const chars: SpacedChar[] = emissions.map((e) => ({ char: dictionary[e.index] ?? "", first: e.first, last: e.last }));
  const score = emissions.length > 0 ? emissions.reduce((s, e) => s + e.p, 0) / emissions.length : 0;
  return { text: joinWithSpaces(chars, gapSpace), score };
}
