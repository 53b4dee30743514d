// Visual rows: lines of the upright frame that share a baseline band, left to right.
import type { Rect } from "./frame";

export interface Row {
  /** Indexes into the rects given, left to right. */
  items: number[];
  rect: Rect;
}

/**
 * A box joins a row when its centre is within half the smaller height of the centre of the
 * row's first box: a tall box (a vertical label beside several rows) cannot chain rows together.
 */
function sameRow(seed: Rect, r: Rect): boolean {
  const gap = Math.abs((seed.y0 + seed.y1) / 2 - (r.y0 + r.y1) / 2);
  return gap < 0.5 * Math.min(seed.y1 - seed.y0, r.y1 - r.y0);
}

/** Rows top to bottom, each left to right. */
export function groupRows(rects: readonly Rect[], indexes: readonly number[] = rects.map((_, i) => i)): Row[] {
  const rows: (Row & { seed: Rect })[] = [];
  const byMiddle = [...indexes].sort((a, b) => rects[a]!.y0 + rects[a]!.y1 - (rects[b]!.y0 + rects[b]!.y1));
  for (const i of byMiddle) {
    const r = rects[i]!;
    const row = rows.find((candidate) => sameRow(candidate.seed, r));
    if (row) {
      row.items.push(i);
      row.rect = {
        x0: Math.min(row.rect.x0, r.x0),
        y0: Math.min(row.rect.y0, r.y0),
        x1: Math.max(row.rect.x1, r.x1),
        y1: Math.max(row.rect.y1, r.y1),
      };
    } else rows.push({ items: [i], rect: { ...r }, seed: r });
  }
  return rows
    .map(({ items, rect }) => ({ items: items.sort((a, b) => rects[a]!.x0 - rects[b]!.x0), rect }))
    .sort((a, b) => a.rect.y0 + a.rect.y1 - (b.rect.y0 + b.rect.y1));
}
