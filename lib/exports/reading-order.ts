import type { ExportPage, ExportTable } from "./document";

// A page as blocks in reading order: the API's paragraphs when it sent them (lines that fall
// inside a table are the table's), else every line as its own block in `detail` order. Tables
// go before the first paragraph that starts below them, so text above a table stays above it.

export type Block = { kind: "paragraph"; lines: string[] } | { kind: "table"; table: ExportTable };

const top = (box: number[] | undefined) =>
  box && box.length >= 8 ? Math.min(box[1]!, box[3]!, box[5]!, box[7]!) : Number.POSITIVE_INFINITY;

function center(box: number[]): [number, number] {
  return [(box[0]! + box[2]! + box[4]! + box[6]!) / 4, (box[1]! + box[3]! + box[5]! + box[7]!) / 4];
}

function inside(box: number[], area: number[] | undefined): boolean {
  if (!area || area.length < 8 || box.length < 8) return false;
  const [x, y] = center(box);
  const xs = [area[0]!, area[2]!, area[4]!, area[6]!];
  const ys = [area[1]!, area[3]!, area[5]!, area[7]!];
  return x >= Math.min(...xs) && x <= Math.max(...xs) && y >= Math.min(...ys) && y <= Math.max(...ys);
}

export function pageBlocks(page: ExportPage): Block[] {
  const tables = page.tables ?? [];
  const inTable = (i: number) => tables.some((t) => inside(page.lines[i]?.box ?? [], t.box));
  const groups = page.paragraphs?.length
    ? page.paragraphs.map((p) => p.lines.filter((i) => page.lines[i] && !inTable(i)))
    : page.lines.map((_, i) => (inTable(i) ? [] : [i]));
  const paragraphs = groups
    .filter((g) => g.length > 0)
    .map((g) => ({ top: Math.min(...g.map((i) => top(page.lines[i]!.box))), lines: g.map((i) => page.lines[i]!.text) }));

  const blocks: Block[] = [];
  const pending = [...tables].sort((a, b) => top(a.box) - top(b.box));
  for (const p of paragraphs) {
    while (pending.length && top(pending[0]!.box) <= p.top) blocks.push({ kind: "table", table: pending.shift()! });
    blocks.push({ kind: "paragraph", lines: p.lines });
  }
  for (const t of pending) blocks.push({ kind: "table", table: t });
  return blocks;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** A paragraph's lines as running text: CJK lines join directly, Latin ones with a space. */
export function joinLines(lines: string[]): string {
  return lines.reduce((text, line) => {
    if (!text) return line;
    const glue = CJK.test(text.at(-1) ?? "") || CJK.test(line[0] ?? "") ? "" : " ";
    return text + glue + line;
  }, "");
}

/** The table as a grid of texts; a spanned cell's text sits in its top-left position. */
export function tableGrid(table: ExportTable): string[][] {
  const grid = Array.from({ length: table.rows }, () => Array.from({ length: table.cols }, () => ""));
  for (const c of table.cells) {
    const row = grid[c.row];
    if (row && c.col < table.cols) row[c.col] = c.text;
  }
  return grid;
}
