import { minAreaRect, orderQuad, quadSize, rectCorners } from "@/lib/ocr/geometry";
import type { Quad } from "@/lib/ocr/types";

/**
 * Text boxes plus the union of each pair that sits side by side on one line: the detector
 * often splits a plate at its separator dot ("吉D·" | "6V71A").
 */
export function withJoinedNeighbours(quads: Quad[]): Quad[] {
  const out = [...quads];
  const boxes = quads.map((q) => ({
    q,
    height: quadSize(q).height,
    x0: Math.min(...q.map((p) => p[0])),
    x1: Math.max(...q.map((p) => p[0])),
    cy: q.reduce((s, p) => s + p[1], 0) / 4,
  }));
  for (const a of boxes) {
    for (const b of boxes) {
      if (a === b || b.x0 < a.x0) continue;
      const h = Math.max(a.height, b.height);
      const similar = Math.min(a.height, b.height) > h / 1.5 && Math.abs(a.cy - b.cy) < h / 2;
      const gap = b.x0 - a.x1;
      if (similar && gap > -h / 2 && gap < h) out.push(orderQuad(rectCorners(minAreaRect([...a.q, ...b.q]))));
    }
  }
  return out;
}
