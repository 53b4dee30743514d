import type { Point } from "../types";
import { convexHull } from "./convex-hull";

export interface RotatedRect {
  center: Point;
  /** Extent along `axis`. */
  width: number;
  /** Extent perpendicular to `axis`. */
  height: number;
  /** Unit direction of the `width` side. */
  axis: Point;
}

/**
 * Smallest-area enclosing rectangle by rotating calipers: the optimum has one side on a hull
 * edge, so every hull edge direction is tried.
 */
export function minAreaRect(points: readonly Point[]): RotatedRect {
  const hull = convexHull(points);
  if (hull.length === 0) return { center: [0, 0], width: 0, height: 0, axis: [1, 0] };
  if (hull.length === 1) return { center: hull[0]!, width: 0, height: 0, axis: [1, 0] };

  let best: RotatedRect | null = null;
  let bestArea = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len === 0) continue;
    const ux = (b[0] - a[0]) / len;
    const uy = (b[1] - a[1]) / len;
    let minU = Infinity;
    let maxU = -Infinity;
    let minV = Infinity;
    let maxV = -Infinity;
    for (const p of hull) {
      const u = p[0] * ux + p[1] * uy;
      const v = -p[0] * uy + p[1] * ux;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = {
        center: [cu * ux - cv * uy, cu * uy + cv * ux],
        width: maxU - minU,
        height: maxV - minV,
        axis: [ux, uy],
      };
    }
  }
  return best!;
}

/** The rectangle's four corners (unordered). */
export function rectCorners(rect: RotatedRect): [Point, Point, Point, Point] {
  const [cx, cy] = rect.center;
  const [ux, uy] = rect.axis;
  const hw = rect.width / 2;
  const hh = rect.height / 2;
  const corner = (su: number, sv: number): Point => [cx + su * hw * ux - sv * hh * uy, cy + su * hw * uy + sv * hh * ux];
  return [corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)];
}
