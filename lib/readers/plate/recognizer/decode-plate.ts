/** A greedy CTC reading with one probability per emitted character. */
export interface CtcCharReading {
  text: string;
  charProbs: number[];
}

/**
 * Greedy CTC decoding of one `steps × classes` probability matrix (class 0 = blank): arg-max per
 * step, merge repeats, drop blanks. A character's probability is the highest among the steps that
 * emitted it (a wide glyph spans several steps; its weakest edge step says little). Training's
 * scripts/plates/metrics.py decodes identically, so the calibration fitted there holds here.
 */
export function decodePlateCtc(probs: Float32Array, steps: number, classes: number, charset: string): CtcCharReading {
  const chars = Array.from(charset);
  let text = "";
  const charProbs: number[] = [];
  let previous = 0;
  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    let best = 0;
    let bestP = probs[row]!;
    for (let c = 1; c < classes; c++) {
      const p = probs[row + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best === previous) {
      charProbs[charProbs.length - 1] = Math.max(charProbs[charProbs.length - 1]!, bestP);
    } else if (best !== 0) {
      text += chars[best - 1] ?? "";
      charProbs.push(bestP);
    }
    previous = best;
  }
  return { text, charProbs };
}
