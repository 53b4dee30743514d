import { quadIou } from "@/lib/ocr/geometry/quad";
import type { Quad } from "@/lib/ocr/types";
import { normalizeText } from "@/lib/readers/layout/normalize";

import { charLength, collapseWhitespace, editDistance } from "./text-metrics";

export interface GtLine {
  text: string;
  /** Without boxes, lines are paired by text similarity instead of overlap. */
  box?: Quad;
  /** "Don't care" lines: neither counted nor allowed to count against predictions. */
  dontCare?: boolean;
}

export interface PredLine {
  text: string;
  box: Quad;
}

export interface PageScore {
  gtLines: number;
  predLines: number;
  matchedLines: number;
  gtChars: number;
  /** Edit distance over matched lines plus characters of unmatched ground-truth lines. */
  lineErrors: number;
  /** Edit distance between the concatenated page texts (reading order), box-free. */
  pageErrors: number;
  /** As printed: characters of the ground truth with whitespace runs collapsed to one space. */
  rawGtChars: number;
  /** `lineErrors` on the raw texts: spaces, punctuation and full-width forms count. */
  rawLineErrors: number;
  /** Ground-truth lines whose matched reading is exactly the printed text (whitespace runs collapsed). */
  exactLines: number;
}

/** Lines overlap enough to be the same line (samples/README.md). */
export const MATCH_IOU = 0.5;

type Pair = { g: number; p: number; cost: number };

/** One-to-one greedy pairing, cheapest first. */
function greedyPairs(candidates: Pair[]): Pair[] {
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of candidates.sort((a, b) => a.cost - b.cost)) {
    if (usedG.has(c.g) || usedP.has(c.p)) continue;
    usedG.add(c.g);
    usedP.add(c.p);
    pairs.push(c);
  }
  return pairs;
}

function candidatePairs(gt: readonly GtLine[], gtText: string[], predText: string[], pred: readonly PredLine[]): Pair[] {
  const candidates: Pair[] = [];
  gt.forEach((g, gi) => {
    pred.forEach((p, pi) => {
      if (g.box) {
        const iou = quadIou(g.box, p.box);
        if (iou >= MATCH_IOU) candidates.push({ g: gi, p: pi, cost: 1 - iou });
        return;
      }
      const len = Math.max(1, charLength(gtText[gi]!));
      const ed = editDistance(gtText[gi]!, predText[pi]!);
      if (ed < len) candidates.push({ g: gi, p: pi, cost: ed / len });
    });
  });
  return candidates;
}

/** Line-matched and page-level character errors of one image. */
export function scorePage(gt: readonly GtLine[], pred: readonly PredLine[]): PageScore {
  const gtText = gt.map((g) => normalizeText(g.text));
  const predText = pred.map((p) => normalizeText(p.text));
  const pairs = greedyPairs(candidatePairs(gt, gtText, predText, pred));

  const ignoredPred = new Set(pairs.filter((m) => gt[m.g]!.dontCare).map((m) => m.p));
  const counted = gt.map((g, i) => ({ g, i })).filter(({ g }) => !g.dontCare);
  const matchedByGt = new Map(pairs.map((m) => [m.g, m.p]));

  let gtChars = 0;
  let lineErrors = 0;
  let matchedLines = 0;
  let rawGtChars = 0;
  let rawLineErrors = 0;
  let exactLines = 0;
  for (const { g, i } of counted) {
    const len = charLength(gtText[i]!);
    const raw = collapseWhitespace(g.text);
    gtChars += len;
    rawGtChars += charLength(raw);
    const p = matchedByGt.get(i);
    if (p === undefined) {
      lineErrors += len;
      rawLineErrors += charLength(raw);
    } else {
      matchedLines++;
      lineErrors += editDistance(gtText[i]!, predText[p]!);
      const rawErrors = editDistance(raw, collapseWhitespace(pred[p]!.text));
      rawLineErrors += rawErrors;
      if (rawErrors === 0) exactLines++;
    }
  }
  const pageGt = counted.map(({ i }) => gtText[i]).join("");
  const pagePred = predText.filter((_, i) => !ignoredPred.has(i)).join("");
  return {
    gtLines: counted.length,
    predLines: pred.length - ignoredPred.size,
    matchedLines,
    gtChars,
    lineErrors,
    pageErrors: editDistance(pageGt, pagePred),
    rawGtChars,
    rawLineErrors,
    exactLines,
  };
}

/**
 * Totals over many pages: char accuracies clamp at 0, detection P/R/F1 over matched lines.
 * `charAccuracy` ignores spaces and full-width forms (samples/README.md); `rawCharAccuracy` and
 * `lineExactRate` see the text as printed.
 */
export function summarizeScores(scores: readonly PageScore[]) {
  const sum = (k: keyof PageScore) => scores.reduce((s, x) => s + x[k], 0);
  const gtChars = sum("gtChars");
  const rawGtChars = sum("rawGtChars");
  const precision = sum("predLines") > 0 ? sum("matchedLines") / sum("predLines") : 0;
  const recall = sum("gtLines") > 0 ? sum("matchedLines") / sum("gtLines") : 0;
  return {
    images: scores.length,
    gtChars,
    charAccuracy: gtChars > 0 ? Math.max(0, 1 - sum("lineErrors") / gtChars) : 1,
    pageCharAccuracy: gtChars > 0 ? Math.max(0, 1 - sum("pageErrors") / gtChars) : 1,
    rawCharAccuracy: rawGtChars > 0 ? Math.max(0, 1 - sum("rawLineErrors") / rawGtChars) : 1,
    lineExactRate: sum("gtLines") > 0 ? sum("exactLines") / sum("gtLines") : 1,
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
  };
}
