export interface CtcDecoded {
  text: string;
  /** Mean of the max probabilities of the emitted characters (0 when nothing is emitted). */
  score: number;
}

/**
 * Greedy CTC decoding of one sequence: arg-max per time step, merge repeats, drop blanks
 * (index 0). `probs` is `steps × classes`, row-major, starting at `offset`.
 */
export function ctcGreedyDecode(
  probs: Float32Array,
  steps: number,
  classes: number,
  dictionary: readonly string[],
  offset = 0,
): CtcDecoded {
  let text = "";
  let sum = 0;
  let emitted = 0;
  let previous = -1;
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
    if (best !== 0 && best !== previous) {
      text += dictionary[best] ?? "";
      sum += bestP;
      emitted++;
    }
    previous = best;
  }
  return { text, score: emitted > 0 ? sum / emitted : 0 };
}
