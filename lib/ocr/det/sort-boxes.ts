import { CROP_CONFIG } from "../config";
import type { Quad } from "../types";

/**
 * Two boxes are on the same visual line when the second box's centre lies within this fraction
 * of the smaller box height from the first box's centre line (extended along its slope).
 */
export const SAME_LINE_CENTER_RATIO = 0.5;

interface Placed<T> {
  item: T;
  left: number;
  top: number;
  cx: number;
  cy: number;
  /** Side lengths, not axis-aligned extents, which grow with page rotation. */
  width: number;
  height: number;
  /** dy/dx of the top edge, so lines on a rotated page are followed across the page. */
  slope: number;
}

function place<T>(item: T, [tl, tr, br, bl]: Quad): Placed<T> {
  const dx = tr[0] - tl[0];
  return {
    item,
    left: Math.min(tl[0], bl[0]),
    top: Math.min(tl[1], tr[1]),
    cx: (tl[0] + tr[0] + br[0] + bl[0]) / 4,
    cy: (tl[1] + tr[1] + br[1] + bl[1]) / 4,
    width: (Math.hypot(tr[0] - tl[0], tr[1] - tl[1]) + Math.hypot(br[0] - bl[0], br[1] - bl[1])) / 2,
    height: (Math.hypot(bl[0] - tl[0], bl[1] - tl[1]) + Math.hypot(br[0] - tr[0], br[1] - tr[1])) / 2,
    slope: dx > 0 ? (tr[1] - tl[1]) / dx : 0,
  };
}

function onSameLine(anchor: Placed<unknown>, box: Placed<unknown>): boolean {
  const expectedY = anchor.cy + anchor.slope * (box.cx - anchor.cx);
  return Math.abs(box.cy - expectedY) < SAME_LINE_CENTER_RATIO * Math.min(box.height, anchor.height);
}

function inSameColumn(anchor: Placed<unknown>, box: Placed<unknown>): boolean {
  return Math.abs(box.cx - anchor.cx) < SAME_LINE_CENTER_RATIO * Math.min(box.width, anchor.width);
}

function group<T>(sorted: Placed<T>[], same: (anchor: Placed<T>, box: Placed<T>) => boolean): Placed<T>[][] {
  const groups: Placed<T>[][] = [];
  for (const box of sorted) {
    const g = groups.find((candidate) => same(candidate[0]!, box));
    if (g) g.push(box);
    else groups.push([box]);
  }
  return groups;
}

/**
 * Reading order: top to bottom, then left to right among boxes on the same line. A page whose
 * boxes are mostly vertical columns (CJK vertical writing) reads columns right to left, each
 * top to bottom. Works on anything carrying a quad, so detections and lines share one rule.
 */
export function sortBoxes<T>(items: readonly T[], quadOf: (item: T) => Quad): T[] {
  const placed = items.map((item) => place(item, quadOf(item)));
  const vertical = placed.filter((p) => p.height >= CROP_CONFIG.verticalRatio * p.width).length;
  if (vertical * 2 > placed.length) {
    const columns = group(
      placed.sort((a, b) => b.cx - a.cx || a.top - b.top),
      inSameColumn,
    );
    return columns.flatMap((column) => column.sort((a, b) => a.top - b.top).map((p) => p.item));
  }
  const lines = group(
    placed.sort((a, b) => a.cy - b.cy || a.left - b.left),
    onSameLine,
  );
  return lines.flatMap((line) => line.sort((a, b) => a.left - b.left).map((p) => p.item));
}
