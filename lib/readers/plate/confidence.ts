// A plate's reported confidence: the probability that its whole string is right.
import { plateConfidence } from "./ctc-grammar";

export function calibratedConfidence(charProbs: readonly number[]): number {
  return plateConfidence({ charProbs: [...charProbs] });
}
