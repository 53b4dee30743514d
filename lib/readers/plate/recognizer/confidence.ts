/** Platt scaling fitted by scripts/plates/train.py: confidence = sigmoid(a · logit(s) + b). */
export interface PlattCalibration {
  a: number;
  b: number;
}

const EPS = 1e-6;

/**
 * The plate-level probability that the whole reading is right, from its least sure character
 * (`s`, 0 when nothing was read). Calibrated on validation data, so 0.9 is right about 9 in 10;
 * models/plates/plate-rec.json holds the reliability tables.
 */
export function plateConfidence(charProbs: readonly number[], calibration: PlattCalibration): number {
  if (charProbs.length === 0) return 0;
  const s = Math.min(Math.max(Math.min(...charProbs), EPS), 1 - EPS);
  const z = calibration.a * Math.log(s / (1 - s)) + calibration.b;
  return 1 / (1 + Math.exp(-z));
}
