// Reading order and paragraphs: the page is cut recursively at its whitespace (XY-cut) into
// bands and columns: headers, footers and titles are bands of their own, two- and three-column
// text and side notes are read column by column, and a table is one block read row by row.
// Within a column, a paragraph ends at a wider gap, a short last line, a first-line indent or
// a change of text size.
import { median, type Rect, unionRect } from "./frame";
import { groupRows } from "./rows";

/** A unit the page is cut around: one text line, or a whole table (its rows, already ordered). */
export interface Block {
  rect: Rect;
  /** Rows of line indexes; a text line is one row of one line. */
  rows: number[][];
  table: boolean;
}

export interface OrderedParagraph {
  lines: number[];
  rect: Rect;
}

/** Columns of prose are at least this wide (in line heights) at their median line: labels and values of a form are not columns. */
const MIN_COLUMN_LINE = 4;
/** A gutter between columns, in line heights. */
const MIN_GUTTER = 0.3;
/** Gap between bands still inside one set of columns (paragraph spacing), in line heights. */
const MAX_COLUMN_BREAK = 1.6;

interface Placed {
  rows: number[][];
  rect: Rect;
  table: boolean;
  /** The column it was read in: paragraphs never cross one. */
  region: Rect;
}

export function orderParagraphs(rects: readonly Rect[], blocks: readonly Block[], lineHeight: number): OrderedParagraph[] {
  const placed: Placed[] = [];
  readBlocks(blocks, lineHeight, unionRect(blocks.map((b) => b.rect)), placed);
  return toParagraphs(rects, placed, lineHeight);
}

function readBlocks(blocks: readonly Block[], lineHeight: number, region: Rect, out: Placed[]): void {
  if (blocks.length === 0) return;
  // Bands first, so a running header or footer is never taken into a column.
  const bands = mergeColumnBands(horizontalBands(blocks), lineHeight);
  if (bands.length > 1) {
    for (const band of bands) readBlocks(band, lineHeight, region, out);
    return;
  }
  const columns = verticalCut(blocks, lineHeight);
  if (columns) {
    for (const column of columns) readBlocks(column, lineHeight, unionRect(column.map((b) => b.rect)), out);
    return;
  }
  // One band that no gap divides: its rows, left to right within a row.
  const tables = blocks.filter((b) => b.table);
  const lines = blocks.filter((b) => !b.table);
  const lineRects = lines.map((b) => b.rect);
  const rows = groupRows(lineRects).map((row) => ({
    rect: row.rect,
    rows: [row.items.map((k) => lines[k]!.rows[0]![0]!)],
    table: false,
    region,
  }));
  const items: Placed[] = [...rows, ...tables.map((t) => ({ rect: t.rect, rows: t.rows, table: true, region }))];
  out.push(...items.sort((a, b) => a.rect.y0 - b.rect.y0));
}

/** Bands split where no block spans a horizontal gap, top to bottom. */
function horizontalBands(blocks: readonly Block[]): Block[][] {
  const sorted = [...blocks].sort((a, b) => a.rect.y0 - b.rect.y0);
  const bands: Block[][] = [];
  let bottom = -Infinity;
  for (const b of sorted) {
    if (b.rect.y0 >= bottom || bands.length === 0) bands.push([b]);
    else bands.at(-1)!.push(b);
    bottom = Math.max(bottom, b.rect.y1);
  }
  return bands;
}

/**
 * Neighbouring bands that share a column gutter are one multi-column block (paragraph breaks
 * that happen to line up across columns must not interleave the columns), and so are
 * neighbouring single-column bands. A band further away (a running header or footer above or
 * below the columns) stays on its own.
 */
function mergeColumnBands(bands: Block[][], lineHeight: number): Block[][] {
  const out: Block[][] = [];
  const split = (blocks: Block[]) => verticalCut(blocks, lineHeight, 1) !== null;
  const belongTogether = (last: Block[], band: Block[]) => {
    const near = top(band) - bottom(last) < MAX_COLUMN_BREAK * lineHeight;
    const columns = { last: split(last), band: split(band) };
    // Both single-column and close: lines of text (that may lead into columns below).
    if (!columns.last && !columns.band) return near;
    const union = verticalCut([...last, ...band], lineHeight, 1);
    if (!union) return false;
    // Columns that go on, across a blank line too.
    if (columns.last && columns.band) return true;
    // A band that is not columns by itself (a line above or below them, a lone full stop) joins
    // them when close and inside their columns; a title or footer across a gutter stays apart.
    return near && insideColumns(columns.last ? band : last, union, lineHeight);
  };
  const bottom = (band: Block[]) => Math.max(...band.map((b) => b.rect.y1));
  const top = (band: Block[]) => Math.min(...band.map((b) => b.rect.y0));
  for (const band of bands) {
    const last = out.at(-1);
    if (last && belongTogether(last, band)) last.push(...band);
    else out.push([...band]);
  }
  return out;
}

/** Every block of the band within the width of the column it falls in (half a line height to spare). */
function insideColumns(band: Block[], columns: Block[][], lineHeight: number): boolean {
  return band.every((b) => {
    const others = columns.find((c) => c.includes(b))?.filter((o) => !band.includes(o)) ?? [];
    if (others.length === 0) return false;
    const x0 = Math.min(...others.map((o) => o.rect.x0)) - 0.5 * lineHeight;
    const x1 = Math.max(...others.map((o) => o.rect.x1)) + 0.5 * lineHeight;
    return b.rect.x0 >= x0 && b.rect.x1 <= x1;
  });
}

/**
 * Columns split at gutters at least MIN_GUTTER wide, when every column reads like prose (and has
 * `minLines` lines: two to cut, one to tell whether neighbouring bands belong together); else null.
 */
function verticalCut(blocks: readonly Block[], lineHeight: number, minLines = 2): Block[][] | null {
  const sorted = [...blocks].sort((a, b) => a.rect.x0 - b.rect.x0);
  const columns: Block[][] = [];
  let right = -Infinity;
  for (const b of sorted) {
    if (columns.length === 0 || b.rect.x0 - right >= MIN_GUTTER * lineHeight) columns.push([b]);
    else columns.at(-1)!.push(b);
    right = Math.max(right, b.rect.x1);
  }
  if (columns.length < 2) return null;
  const prose = (column: Block[]) => {
    const lines = column.filter((b) => !b.table);
    if (lines.length === 0) return true;
    return lines.length >= minLines && median(lines.map((b) => b.rect.x1 - b.rect.x0)) >= MIN_COLUMN_LINE * lineHeight;
  };
  return columns.every(prose) ? columns : null;
}

function toParagraphs(rects: readonly Rect[], placed: Placed[], lineHeight: number): OrderedParagraph[] {
  const paragraphs: OrderedParagraph[] = [];
  const gaps = placed.slice(1).map((p, k) => (p.region === placed[k]!.region && !p.table ? p.rect.y0 - placed[k]!.rect.y1 : NaN));
  const usualGap = median(gaps.filter((g) => g >= 0));
  let current: number[] = [];
  const flush = () => {
    if (current.length) paragraphs.push({ lines: current, rect: unionRect(current.map((i) => rects[i]!)) });
    current = [];
  };
  placed.forEach((p, k) => {
    if (p.table) {
      flush();
      for (const row of p.rows) paragraphs.push({ lines: row, rect: unionRect(row.map((i) => rects[i]!)) });
      return;
    }
    const prev = placed[k - 1];
    const height = p.rect.y1 - p.rect.y0;
    const breaks =
      !prev ||
      prev.table ||
      prev.region !== p.region ||
      p.rows[0]!.length > 1 ||
      prev.rows[0]!.length > 1 ||
      p.rect.y0 - prev.rect.y1 > usualGap + 0.5 * lineHeight ||
      p.rect.x0 - prev.rect.x0 > 1.2 * height ||
      prev.rect.x1 < p.region.x1 - 2.5 * height ||
      Math.abs(height - (prev.rect.y1 - prev.rect.y0)) > 0.3 * Math.max(height, prev.rect.y1 - prev.rect.y0);
    if (breaks) flush();
    current.push(...p.rows[0]!);
  });
  flush();
  return paragraphs;
}
