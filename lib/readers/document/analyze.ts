// A page's document structure from its text lines (and, for tables, the ruled lines found in
// its pixels): paragraphs in reading order and tables with their cells, in the answer's shapes.
import type { TextLine } from "@/lib/ocr/types";

import { median, type PageFrame, pictureBox, type Rect, uprightLines } from "./frame";
import { type Block, orderParagraphs } from "./reading-order";
import type { Rulings } from "./rulings";
import { type FoundTable, findTables } from "./tables";

export interface DocumentParagraph {
  /** Indexes into the page's lines (`detail`), in reading order. */
  lines: number[];
  /** x1,y1 … x4,y4 in the picture's pixels, like a line's box. */
  box: number[];
}

export interface DocumentCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  text: string;
  box: number[];
}

export interface DocumentTable {
  box: number[];
  rows: number;
  cols: number;
  cells: DocumentCell[];
}

export interface DocumentLayout {
  paragraphs: DocumentParagraph[];
  tables: DocumentTable[];
}

export const NO_RULINGS: Rulings = { horizontal: [], vertical: [] };

/** Median height of the lines: the unit every layout threshold is measured in. */
export function lineHeightOf(rects: readonly Rect[]): number {
  return Math.max(1, median(rects.map((r) => r.y1 - r.y0)));
}

/** Where the ruled lines come from: the page's pixels on the worker, none in pure tests. */
export type RulingsSource = (frame: PageFrame, rects: readonly Rect[], lineHeight: number) => Rulings;

export function analyzeLayout(lines: readonly TextLine[], rulingsOf: RulingsSource = () => NO_RULINGS): DocumentLayout {
  if (lines.length === 0) return { paragraphs: [], tables: [] };
  const { frame, rects } = uprightLines(lines);
  const lineHeight = lineHeightOf(rects);
  const rulings = rulingsOf(frame, rects, lineHeight);
  const found = findTables(rects, rulings, lineHeight);
  const inTable = new Set(found.flatMap((t) => t.cells.flatMap((c) => c.lines)));
  const blocks: Block[] = [
    ...rects.flatMap((rect, i) => (inTable.has(i) ? [] : [{ rect, rows: [[i]], table: false }])),
    ...found.filter((t) => t.cells.some((c) => c.lines.length)).map((t) => ({ rect: t.rect, rows: tableRows(t), table: true })),
  ];
  return {
    paragraphs: orderParagraphs(rects, blocks, lineHeight).map((p) => ({ lines: p.lines, box: pictureBox(frame, p.rect) })),
    tables: found.map((t) => ({
      box: pictureBox(frame, t.rect),
      rows: t.rows,
      cols: t.cols,
      cells: t.cells.map((c) => ({
        row: c.row,
        col: c.col,
        rowspan: c.rowspan,
        colspan: c.colspan,
        text: c.lines.map((i) => lines[i]!.text).join(""),
        box: pictureBox(frame, c.rect),
      })),
    })),
  };
}

/** A table's lines row by row (a row's cells left to right), for the reading order. */
function tableRows(table: FoundTable): number[][] {
  const rows: number[][] = Array.from({ length: table.rows }, () => []);
  for (const cell of [...table.cells].sort((a, b) => a.col - b.col)) rows[cell.row]!.push(...cell.lines);
  return rows.filter((r) => r.length > 0);
}
