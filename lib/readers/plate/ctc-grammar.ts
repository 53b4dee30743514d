// Plate decoding: the best template-constrained reading over the plate grammar's templates.
import { decodeWithTemplate, type ConstrainedDecode, type CtcPosterior } from "@/lib/ocr/rec/constrained-decode";

import type { PlateTemplate } from "./grammar";

/** Letters that never appear on plates, read where their digit twin was printed: their probability is the digit's. */
export const PLATE_TWINS: Readonly<Record<string, string>> = { "0": "Oo", "1": "Iil|" };

/** The best decoding over several templates. */
export function decodePlate(
  posterior: CtcPosterior,
  dictionary: readonly string[],
  templates: readonly PlateTemplate[],
): ConstrainedDecode | null {
  let best: ConstrainedDecode | null = null;
  for (const template of templates) {
    const d = decodeWithTemplate(posterior, dictionary, template, PLATE_TWINS);
    if (d && (!best || d.logProb > best.logProb)) best = d;
  }
  return best;
}

/** Probability that the whole string is right: the product of its character posteriors. */
export function plateConfidence(decode: Pick<ConstrainedDecode, "charProbs">): number {
  return decode.charProbs.reduce((a, b) => a * b, 1);
}
