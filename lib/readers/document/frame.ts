// The page's upright frame: photos and scans are skewed by a few degrees and a page may come in
// turned by 90°/180°/270°, so layout works on axis-aligned rectangles after undoing the text
// direction, and maps what it finds back to the picture's own pixels.
import type { Point, Quad, TextLine } from "@/lib/ocr/types";

/** Axis-aligned box in the upright frame. */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageFrame {
  /** Direction of the text baseline in the picture (radians, atan2 of the top edges). */
  angle: number;
  /** Picture pixel → upright frame. */
  toUpright(p: Point): Point;
  /** Upright frame → picture pixel. */
  toPicture(p: Point): Point;
}

/**
 * The text direction as the length-weighted mean of the lines' top-edge directions: a vector
 * mean, so pages turned by 180° (angles near ±π) do not average to 0.
 */
export function textDirection(lines: readonly { box: Quad }[]): number {
  let sx = 0;
  let sy = 0;
  for (const { box } of lines) {
    const [tl, tr, , bl] = box;
    const dx = tr[0] - tl[0];
    const dy = tr[1] - tl[1];
    const len = Math.hypot(dx, dy);
    // Single characters have no reliable direction.
    if (len < 1.5 * Math.hypot(bl[0] - tl[0], bl[1] - tl[1])) continue;
    sx += dx;
    sy += dy;
  }
  return sx === 0 && sy === 0 ? 0 : Math.atan2(sy, sx);
}

export function pageFrame(angle: number): PageFrame {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return {
    angle,
    toUpright: ([x, y]) => [x * c + y * s, -x * s + y * c],
    toPicture: ([u, v]) => [u * c - v * s, u * s + v * c],
  };
}

export function uprightRect(frame: PageFrame, quad: Quad): Rect {
  const pts = quad.map(frame.toUpright);
  const us = pts.map((p) => p[0]);
  const vs = pts.map((p) => p[1]);
  return { x0: Math.min(...us), y0: Math.min(...vs), x1: Math.max(...us), y1: Math.max(...vs) };
}

/** An upright rectangle as the picture's quad, flattened like `detail[].box` (TL, TR, BR, BL). */
export function pictureBox(frame: PageFrame, r: Rect): number[] {
  const corners: Point[] = [
    [r.x0, r.y0],
    [r.x1, r.y0],
    [r.x1, r.y1],
    [r.x0, r.y1],
  ];
  return corners.flatMap((p) => frame.toPicture(p).map((n) => Math.round(n * 10) / 10));
}

export function unionRect(rects: readonly Rect[]): Rect {
  return {
    x0: Math.min(...rects.map((r) => r.x0)),
    y0: Math.min(...rects.map((r) => r.y0)),
    x1: Math.max(...rects.map((r) => r.x1)),
    y1: Math.max(...rects.map((r) => r.y1)),
  };
}

export const rectHeight = (r: Rect) => r.y1 - r.y0;
export const centerX = (r: Rect) => (r.x0 + r.x1) / 2;
export const centerY = (r: Rect) => (r.y0 + r.y1) / 2;

/** Lines of the page in its upright frame. */
export function uprightLines(lines: readonly TextLine[], frame = pageFrame(textDirection(lines))): { frame: PageFrame; rects: Rect[] } {
  return { frame, rects: lines.map((l) => uprightRect(frame, l.box)) };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
