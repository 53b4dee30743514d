// Tables of a page in its upright frame: ruled grids (every cell boxed; merged cells where a
// rule is missing), rule-delimited tables without verticals (three-line tables) and
// whitespace-aligned ones (columns from the gaps between the lines of the fullest rows).
import { centerX, centerY, median, type Rect, unionRect } from "./frame";
import { groupRows, type Row } from "./rows";
import type { Rulings, Segment } from "./rulings";

export interface FoundCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  /** Lines inside the cell, in reading order. */
  lines: number[];
  rect: Rect;
}

export interface FoundTable {
  rect: Rect;
  rows: number;
  cols: number;
  /** Anchor cells row-major; a merged cell appears once. */
  cells: FoundCell[];
  kind: "grid" | "rules" | "aligned";
}

/** Whitespace tables need this many columns: two aligned columns are as often two columns of prose. */
const MIN_ALIGNED_COLS = 3;
const MIN_ALIGNED_ROWS = 3;
/** Median width of a whitespace table's cells, in line heights: longer lines are columns of prose. */
const MAX_CELL_LINE = 6;
/** Share of a table's lines that may span several columns (headers over groups, a total). */
const MAX_STRADDLING = 0.3;

export function findTables(rects: readonly Rect[], rulings: Rulings, lineHeight: number): FoundTable[] {
  const tol = Math.max(3, 0.5 * lineHeight);
  const tables: FoundTable[] = [];
  const taken = new Set<number>();
  const claim = (table: FoundTable | null) => {
    if (!table) return;
    tables.push(table);
    for (const cell of table.cells) for (const i of cell.lines) taken.add(i);
  };
  const { grids, loose } = connectRulings(rulings, tol);
  for (const grid of grids) claim(ruledGrid(rects, grid, tol));
  for (const band of ruleBands(loose, tol, lineHeight)) {
    const inside = linesIn(rects, band, taken);
    claim(alignedTable(rects, inside, band, lineHeight, "rules", 2));
  }
  const free = rects.map((_, i) => i).filter((i) => !taken.has(i));
  for (const run of alignedRuns(rects, free, lineHeight)) {
    // Columns of prose line up too; their lines are long, a table's cells short.
    if (median(run.map((i) => rects[i]!.x1 - rects[i]!.x0)) > MAX_CELL_LINE * lineHeight) continue;
    claim(alignedTable(rects, run, unionRect(run.map((i) => rects[i]!)), lineHeight, "aligned", MIN_ALIGNED_COLS));
  }
  return tables.sort((a, b) => a.rect.y0 - b.rect.y0);
}

function linesIn(rects: readonly Rect[], area: Rect, taken: ReadonlySet<number>): number[] {
  return rects
    .map((r, i) => ({ r, i }))
    .filter(({ r, i }) => !taken.has(i) && centerX(r) > area.x0 && centerX(r) < area.x1 && centerY(r) > area.y0 && centerY(r) < area.y1)
    .map(({ i }) => i);
}

// ---------- ruled grids ----------

interface RuleSet {
  horizontal: Segment[];
  vertical: Segment[];
}

const crosses = (h: Segment, v: Segment, tol: number) =>
  v.at >= h.from - tol && v.at <= h.to + tol && h.at >= v.from - tol && h.at <= v.to + tol;

/** Rules that touch form one structure; with two rules each way it is a grid, else its horizontals stay loose. */
function connectRulings(rulings: Rulings, tol: number): { grids: RuleSet[]; loose: Segment[] } {
  const all = [...rulings.horizontal.map((s) => ({ s, h: true })), ...rulings.vertical.map((s) => ({ s, h: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  all.forEach((a, i) =>
    all.forEach((b, j) => {
      if (j <= i || a.h === b.h) return;
      const [h, v] = a.h ? [a.s, b.s] : [b.s, a.s];
      if (crosses(h, v, tol)) parent[find(i)] = find(j);
    }),
  );
  const groups = new Map<number, RuleSet>();
  all.forEach((a, i) => {
    const g = groups.get(find(i)) ?? { horizontal: [], vertical: [] };
    (a.h ? g.horizontal : g.vertical).push(a.s);
    groups.set(find(i), g);
  });
  const grids: RuleSet[] = [];
  const loose: Segment[] = [];
  for (const g of groups.values()) {
    if (g.horizontal.length >= 2 && g.vertical.length >= 2) grids.push(g);
    else loose.push(...g.horizontal);
  }
  return { grids, loose };
}

/** Positions within `tol` of each other are one boundary (a rule drawn in pieces, skew). */
function boundaries(positions: number[], tol: number): number[] {
  const sorted = [...positions].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const p of sorted) {
    const last = out.at(-1);
    if (last && p - last.at(-1)! <= tol) last.push(p);
    else out.push([p]);
  }
  return out.map((g) => g.reduce((s, x) => s + x, 0) / g.length);
}

/** Share of [a, b] that rules at `at` cover. */
function covered(rules: readonly Segment[], at: number, a: number, b: number, tol: number): number {
  let best = 0;
  for (const s of rules) if (Math.abs(s.at - at) <= tol) best += Math.max(0, Math.min(b, s.to) - Math.max(a, s.from));
  return best / Math.max(1, b - a);
}

function ruledGrid(rects: readonly Rect[], grid: RuleSet, tol: number): FoundTable | null {
  const ys = boundaries(
    grid.horizontal.map((s) => s.at),
    tol,
  );
  const xs = boundaries(
    grid.vertical.map((s) => s.at),
    tol,
  );
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // A frame around the page or a boxed note is not a table.
  if (rows < 1 || cols < 1 || rows * cols < 2) return null;
  // Cells joined where the rule between them is (mostly) missing: merged cells.
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && covered(grid.vertical, xs[c + 1]!, ys[r]!, ys[r + 1]!, tol) < 0.5)
        parent[find(r * cols + c)] = find(r * cols + c + 1);
      if (r + 1 < rows && covered(grid.horizontal, ys[r + 1]!, xs[c]!, xs[c + 1]!, tol) < 0.5)
        parent[find(r * cols + c)] = find((r + 1) * cols + c);
    }
  }
  const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const s = spans.get(root);
      if (s) Object.assign(s, { r0: Math.min(s.r0, r), r1: Math.max(s.r1, r), c0: Math.min(s.c0, c), c1: Math.max(s.c1, c) });
      else spans.set(root, { r0: r, r1: r, c0: c, c1: c });
    }
  }
  const area: Rect = { x0: xs[0]!, y0: ys[0]!, x1: xs.at(-1)!, y1: ys.at(-1)! };
  const inside = linesIn(rects, area, new Set());
  if (inside.length < 2) return null;
  const cells: FoundCell[] = [...spans.values()]
    .sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)
    .map((s) => {
      const rect = { x0: xs[s.c0]!, y0: ys[s.r0]!, x1: xs[s.c1 + 1]!, y1: ys[s.r1 + 1]! };
      return {
        row: s.r0,
        col: s.c0,
        rowspan: s.r1 - s.r0 + 1,
        colspan: s.c1 - s.c0 + 1,
        lines: readingOrder(
          rects,
          inside.filter(
            (i) =>
              centerX(rects[i]!) > rect.x0 && centerX(rects[i]!) < rect.x1 && centerY(rects[i]!) > rect.y0 && centerY(rects[i]!) < rect.y1,
          ),
        ),
        rect,
      };
    });
  // A ruled frame around a whole form section (an invoice's goods list) holds a table, it is not one.
  if (cells.some((c) => groupRows(rects, c.lines).filter((r) => r.items.length >= MIN_ALIGNED_COLS).length >= MIN_ALIGNED_ROWS))
    return null;
  return { rect: area, rows, cols, cells, kind: "grid" };
}

const readingOrder = (rects: readonly Rect[], indexes: number[]) => groupRows(rects, indexes).flatMap((row) => row.items);

// ---------- rules without verticals (three-line tables) ----------

/** Stacked horizontal rules of about the same extent: the top and bottom rule of a table bound it. */
function ruleBands(loose: Segment[], tol: number, lineHeight: number): Rect[] {
  const sorted = [...loose].sort((a, b) => a.at - b.at);
  const used = new Set<Segment>();
  const bands: Rect[] = [];
  for (const top of sorted) {
    if (used.has(top)) continue;
    const same = sorted.filter(
      (s) => !used.has(s) && s.at > top.at && Math.abs(s.from - top.from) <= 2 * lineHeight && Math.abs(s.to - top.to) <= 2 * lineHeight,
    );
    if (same.length === 0) continue;
    const bottom = same.at(-1)!;
    for (const s of [top, ...same]) used.add(s);
    bands.push({ x0: Math.min(top.from, bottom.from) - tol, y0: top.at, x1: Math.max(top.to, bottom.to) + tol, y1: bottom.at });
  }
  return bands;
}

// ---------- whitespace-aligned ----------

/** Consecutive rows with at least MIN_ALIGNED_COLS lines each, close enough to be one block. */
function alignedRuns(rects: readonly Rect[], free: number[], lineHeight: number): number[][] {
  const rows = groupRows(rects, free);
  const runs: number[][] = [];
  let run: Row[] = [];
  const flush = () => {
    if (run.length >= MIN_ALIGNED_ROWS) runs.push(run.flatMap((r) => r.items));
    run = [];
  };
  for (const row of rows) {
    const wide = row.items.length >= MIN_ALIGNED_COLS;
    const near = run.length === 0 || row.rect.y0 - run.at(-1)!.rect.y1 < 2.5 * lineHeight;
    if (!wide || !near) flush();
    if (wide) run.push(row);
  }
  flush();
  return runs;
}

/**
 * Columns from the rows with the most lines (the x ranges their lines cover, merged where they
 * overlap); every line then takes the columns it reaches (colspan) and its text row.
 */
function alignedTable(
  rects: readonly Rect[],
  indexes: number[],
  area: Rect,
  lineHeight: number,
  kind: FoundTable["kind"],
  minCols: number,
): FoundTable | null {
  const rows = groupRows(rects, indexes);
  if (rows.length < 2) return null;
  const most = Math.max(...rows.map((r) => r.items.length));
  if (most < minCols) return null;
  const defining = rows.filter((r) => r.items.length >= Math.max(minCols, 0.75 * most)).flatMap((r) => r.items);
  const spans = mergeRanges(defining.map((i) => [rects[i]!.x0, rects[i]!.x1] as [number, number]));
  if (spans.length < minCols) return null;
  // Column c runs from the middle of the gap on its left to the middle of the gap on its right.
  const cuts = spans.slice(1).map((s, k) => (spans[k]![1] + s[0]) / 2);
  const edges = [Math.min(area.x0, spans[0]![0]), ...cuts, Math.max(area.x1, spans.at(-1)![1])];
  const colOf = (x: number) => Math.max(0, cuts.filter((c) => x > c).length);
  const cells: FoundCell[] = [];
  const rowEdges = rows.map((r, k) => [k === 0 ? Math.min(area.y0, r.rect.y0) : (rows[k - 1]!.rect.y1 + r.rect.y0) / 2, 0]);
  rows.forEach((r, k) => (rowEdges[k]![1] = k + 1 < rows.length ? (r.rect.y1 + rows[k + 1]!.rect.y0) / 2 : Math.max(area.y1, r.rect.y1)));
  rows.forEach((row, r) => {
    const filled = new Map<number, FoundCell>();
    for (const i of row.items) {
      const rect = rects[i]!;
      const c0 = colOf(rect.x0 + 0.25 * lineHeight);
      const c1 = Math.max(c0, colOf(rect.x1 - 0.25 * lineHeight));
      const existing = filled.get(c0);
      if (existing) {
        existing.lines.push(i);
        continue;
      }
      const cell: FoundCell = {
        row: r,
        col: c0,
        rowspan: 1,
        colspan: c1 - c0 + 1,
        lines: [i],
        rect: cellRect(edges, rowEdges[r]!, c0, c1),
      };
      for (let c = c0; c <= c1; c++) filled.set(c, cell);
    }
    for (let c = 0; c < spans.length; c++) {
      if (!filled.has(c)) filled.set(c, { row: r, col: c, rowspan: 1, colspan: 1, lines: [], rect: cellRect(edges, rowEdges[r]!, c, c) });
    }
    cells.push(...new Set([...filled.entries()].sort((a, b) => a[0] - b[0]).map(([, cell]) => cell)));
  });
  // Columns that most lines straddle are not columns (prose, a form's label/value pairs).
  const straddling = cells.filter((c) => c.colspan > 1).reduce((n, c) => n + c.lines.length, 0);
  if (straddling > MAX_STRADDLING * indexes.length) return null;
  return {
    rect: { x0: edges[0]!, y0: rowEdges[0]![0]!, x1: edges.at(-1)!, y1: rowEdges.at(-1)![1]! },
    rows: rows.length,
    cols: spans.length,
    cells,
    kind,
  };
}

function cellRect(edges: number[], [y0, y1]: number[], c0: number, c1: number): Rect {
  return { x0: edges[c0]!, y0: y0!, x1: edges[c1 + 1]!, y1: y1! };
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a < last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
