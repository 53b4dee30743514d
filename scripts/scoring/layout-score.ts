// Measures of document structure (npm run eval -- --only document):
// - reading order: predicted lines are paired with ground-truth lines (box IoU ≥ 0.5); a page
//   is in order when its paragraphs, written as the ground-truth lines they hold, equal the
//   ground truth's paragraphs in reading order (lines that were not read at all are left out
//   on both sides, so a recognition miss is not an order error); `sequence` only asks the
//   flattened line order to be right (grouping into paragraphs aside).
// - tables: a ground-truth cell is right when the table read has a cell at the same row and
//   column with the same spans and the same text (normalised); cells empty in the truth do
//   not count.
import { quadIou } from "@/lib/ocr/geometry/quad";
import type { Quad } from "@/lib/ocr/types";
import { normalizeText } from "@/lib/readers/layout/normalize";

import { MATCH_IOU } from "./score-page";

export interface Cell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  text: string;
}

export const toQuad = (flat: readonly number[]): Quad => [0, 1, 2, 3].map((k) => [flat[2 * k]!, flat[2 * k + 1]!]) as Quad;

/** Predicted line index → ground-truth line index, one to one, best overlap first. */
export function pairLines(truth: readonly Quad[], predicted: readonly Quad[]): Map<number, number> {
  const candidates: { p: number; g: number; iou: number }[] = [];
  predicted.forEach((p, pi) =>
    truth.forEach((g, gi) => {
      const iou = quadIou(p, g);
      if (iou >= MATCH_IOU) candidates.push({ p: pi, g: gi, iou });
    }),
  );
  const pairs = new Map<number, number>();
  const used = new Set<number>();
  for (const c of candidates.sort((a, b) => b.iou - a.iou)) {
    if (pairs.has(c.p) || used.has(c.g)) continue;
    pairs.set(c.p, c.g);
    used.add(c.g);
  }
  return pairs;
}

export interface OrderScore {
  /** Paragraphs and their order right. */
  paragraphs: boolean;
  /** The line sequence right. */
  sequence: boolean;
}

export function scoreReadingOrder(
  truth: readonly number[][],
  predicted: readonly number[][],
  pairs: ReadonlyMap<number, number>,
): OrderScore {
  const read = new Set(pairs.values());
  const mine = predicted.map((p) => p.flatMap((i) => (pairs.has(i) ? [pairs.get(i)!] : []))).filter((p) => p.length > 0);
  const theirs = truth.map((p) => p.filter((g) => read.has(g))).filter((p) => p.length > 0);
  const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return {
    paragraphs: mine.length === theirs.length && mine.every((p, i) => same(p, theirs[i]!)),
    sequence: same(mine.flat(), theirs.flat()),
  };
}

/** Right cells and counted cells of one ground-truth table against the best-matching table read. */
export function scoreTable(truth: readonly Cell[], candidates: readonly (readonly Cell[])[]): { right: number; total: number } {
  const counted = truth.filter((c) => normalizeText(c.text) !== "");
  const key = (c: Cell) => `${c.row},${c.col},${c.rowspan},${c.colspan},${normalizeText(c.text)}`;
  const right = Math.max(
    0,
    ...candidates.map((cells) => {
      const keys = new Set(cells.map(key));
      return counted.filter((c) => keys.has(key(c))).length;
    }),
  );
  return { right, total: counted.length };
}
