// Plate scoring for `npm run eval`: exact-plate precision/recall, per-character, province and
// plate-type accuracy, box IoU, a reliability table of the reported confidence, and latency.
import { quadIou } from "../../lib/ocr/geometry";
import type { Quad } from "../../lib/ocr/types";
import { charLength, editDistance } from "./text-metrics";

export interface PlateTruth {
  /** `box`: the plate's corners, where the set labels them. */
  scored: { text: string; type: string; box?: Quad }[];
  /** Plates present but not scored (uncertain, out of scope): as many extra answers are not counted as false. */
  ignored: number;
}

export type PlateAnswer = { text: string; type: string; box?: Quad; confidence?: number }[];

export interface PlateScore {
  tp: number;
  fp: number;
  gt: number;
  typeRight: number;
  /** Characters of the labelled plates, and the edit distance of each to its closest answer (all missing when none). */
  chars: number;
  charErrors: number;
  provinceRight: number;
  iouSum: number;
  iouCount: number;
  /** (confidence, right) of every answer whose rightness is known. */
  confidences: [number, boolean][];
  latenciesMs: number[];
}

export const newPlateScore = (): PlateScore => ({
  tp: 0,
  fp: 0,
  gt: 0,
  typeRight: 0,
  chars: 0,
  charErrors: 0,
  provinceRight: 0,
  iouSum: 0,
  iouCount: 0,
  confidences: [],
  latenciesMs: [],
});

/** Adds one picture's answer to the score; returns what went wrong, for the log. */
export function scorePlates(score: PlateScore, truth: PlateTruth, answer: PlateAnswer, latencyMs: number): string[] {
  score.latenciesMs.push(latencyMs);
  for (const t of truth.scored) {
    const closest = Math.min(charLength(t.text), ...answer.map((a) => editDistance(a.text, t.text)));
    score.chars += charLength(t.text);
    score.charErrors += closest;
    if (answer.some((a) => a.text[0] === t.text[0] && editDistance(a.text, t.text) === closest)) score.provinceRight++;
  }
  const pending = [...truth.scored];
  const unmatched: PlateAnswer = [];
  for (const a of answer) {
    const i = pending.findIndex((t) => t.text === a.text);
    if (i < 0) {
      unmatched.push(a);
      continue;
    }
    score.tp++;
    if (a.confidence !== undefined) score.confidences.push([a.confidence, true]);
    if (pending[i]!.type === a.type) score.typeRight++;
    if (pending[i]!.box && a.box) {
      score.iouSum += quadIou(pending[i]!.box!, a.box);
      score.iouCount++;
    }
    pending.splice(i, 1);
  }
  // Readings of unlabelled (uncertain / out-of-scope) plates count neither way.
  score.fp += Math.max(0, unmatched.length - truth.ignored);
  if (truth.ignored === 0) for (const u of unmatched) if (u.confidence !== undefined) score.confidences.push([u.confidence, false]);
  score.gt += truth.scored.length;
  return [...pending.map((p) => `missed ${p.text}`), ...unmatched.map((u) => `extra ${u.text}`)];
}

/** Answers by reported confidence in tenths: how many, their mean confidence, and the share right. */
export function reliabilityTable(
  confidences: readonly [number, boolean][],
): { bin: string; n: number; meanConfidence: number; accuracy: number }[] {
  return Array.from({ length: 10 }, (_, b) => {
    const inBin = confidences.filter(([c]) => Math.min(9, Math.floor(c * 10)) === b);
    const n = inBin.length;
    return {
      bin: `${(b / 10).toFixed(1)}–${((b + 1) / 10).toFixed(1)}`,
      n,
      meanConfidence: n ? inBin.reduce((s, [c]) => s + c, 0) / n : 0,
      accuracy: n ? inBin.filter(([, right]) => right).length / n : 0,
    };
  }).filter((row) => row.n > 0);
}

/** Expected calibration error: the answers' mean |confidence − accuracy| over the bins. */
export function calibrationError(confidences: readonly [number, boolean][]): number {
  const total = confidences.length;
  return total ? reliabilityTable(confidences).reduce((s, r) => s + (r.n / total) * Math.abs(r.meanConfidence - r.accuracy), 0) : 0;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const pct = (right: number, total: number) => (total ? `${((100 * right) / total).toFixed(1)}%` : "—");

/** One line of the summary. */
export function plateRow(s: PlateScore): string {
  return [
    `precision ${pct(s.tp, s.tp + s.fp)}`,
    `recall(exact) ${pct(s.tp, s.gt)} (${s.tp}/${s.gt})`,
    `chars ${pct(s.chars - s.charErrors, s.chars)}`,
    `province ${pct(s.provinceRight, s.gt)}`,
    `type ${pct(s.typeRight, s.tp)}`,
    s.iouCount ? `IoU ${(s.iouSum / s.iouCount).toFixed(2)}` : "",
    s.confidences.length ? `ECE ${calibrationError(s.confidences).toFixed(3)}` : "",
    `ms p50 ${percentile(s.latenciesMs, 0.5).toFixed(0)} p90 ${percentile(s.latenciesMs, 0.9).toFixed(0)}`,
  ]
    .filter(Boolean)
    .join("  ");
}

/** The reliability table on one line: bin, answers, mean confidence → share right. */
export function reliabilityRow(s: PlateScore): string {
  return reliabilityTable(s.confidences)
    .map((r) => `${r.bin}: ${r.n} at ${r.meanConfidence.toFixed(2)} → ${r.accuracy.toFixed(2)}`)
    .join("; ");
}
