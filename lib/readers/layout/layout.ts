// Layout helpers: undo the page rotation (photos are rotated up to ±20°), then group lines
// into rows so that label/value pairs can be read whether they came as one line or several.
import type { Point, TextLine } from "@/lib/ocr/types";

import { normalizeText } from "./normalize";

/** A text line in the page's upright frame, with normalised text. */
export interface Token {
  text: string;
  score: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  source: TextLine;
}

export interface Row {
  tokens: Token[];
  y0: number;
  y1: number;
}

/** Median angle (radians) of the lines' top edges, weighted toward long lines. */
export function dominantAngle(lines: TextLine[]): number {
  const angles: number[] = [];
  for (const { box } of lines) {
    const [tl, tr] = box;
    const dx = tr[0] - tl[0];
    const dy = tr[1] - tl[1];
    const len = Math.hypot(dx, dy);
    const height = Math.hypot(box[3][0] - tl[0], box[3][1] - tl[1]);
    // Short or square boxes have unreliable orientation.
    if (len < 1.5 * height) continue;
    const repeats = Math.min(5, Math.round(len / Math.max(height, 1)));
    for (let i = 0; i < repeats; i++) angles.push(Math.atan2(dy, dx));
  }
  if (angles.length === 0) return 0;
  angles.sort((a, b) => a - b);
  return angles[Math.floor(angles.length / 2)]!;
}

export function rotatePoint([x, y]: Point, angle: number): Point {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [x * c - y * s, x * s + y * c];
}

/** Lines as axis-aligned tokens after rotating the page by -angle. */
export function toTokens(lines: TextLine[], angle = dominantAngle(lines)): Token[] {
  return lines
    .map((line) => {
      const pts = line.box.map((p) => rotatePoint(p, -angle));
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      return {
        text: normalizeText(line.text),
        score: line.score,
        x0: Math.min(...xs),
        y0: Math.min(...ys),
        x1: Math.max(...xs),
        y1: Math.max(...ys),
        source: line,
      };
    })
    .filter((t) => t.text.length > 0);
}

/** Share of the shorter token's height that neighbouring tokens must overlap to share a row. */
const ROW_OVERLAP = 0.5;
/** Tokens taller than this many median line heights (a portrait, a stamp) join no row. */
const MAX_LINE_HEIGHT_RATIO = 2.5;

export function groupRows(tokens: Token[]): Row[] {
  const heights = tokens.map((t) => t.y1 - t.y0).sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)] ?? 0;
  // Left to right, each token joins the row whose last token it overlaps most. Comparing
  // with the nearest token, not the row's whole extent, follows rows that drift under
  // perspective without chaining lines of neighbouring columns that sit half a line apart.
  const rows: Row[] = [];
  const sorted = tokens.filter((t) => t.y1 - t.y0 <= MAX_LINE_HEIGHT_RATIO * median).sort((a, b) => a.x0 - b.x0);
  for (const t of sorted) {
    let best: Row | null = null;
    let bestOverlap = ROW_OVERLAP;
    for (const row of rows) {
      const last = row.tokens[row.tokens.length - 1]!;
      const overlap = (Math.min(last.y1, t.y1) - Math.max(last.y0, t.y0)) / Math.min(last.y1 - last.y0, t.y1 - t.y0);
      if (overlap > bestOverlap) {
        best = row;
        bestOverlap = overlap;
      }
    }
    if (best) {
      best.tokens.push(t);
      best.y0 = Math.min(best.y0, t.y0);
      best.y1 = Math.max(best.y1, t.y1);
    } else rows.push({ tokens: [t], y0: t.y0, y1: t.y1 });
  }
  return rows.sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1));
}
