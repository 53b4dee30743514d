import { DET_CONFIG } from "../config";
import { minAreaRect, rectCorners } from "../geometry/min-area-rect";
import { orderQuad, quadSize } from "../geometry/quad";
import type { Point, Quad } from "../types";
import type { ResizeOp } from "./preprocess";

export interface DbPostprocessOptions {
  binaryThreshold: number;
  boxThreshold: number;
  unclipRatio: number;
  minBoxSide: number;
  maxCandidates: number;
}

export interface ProbabilityMap {
  data: Float32Array;
  width: number;
  height: number;
}

export interface DetectedBox {
  quad: Quad;
  /** Mean text probability (0–1) over the region. */
  score: number;
}

interface Region {
  /** Hull-relevant points: left- and right-most pixel of each row. */
  points: Point[];
  score: number;
}

/**
 * 8-connected regions of the thresholded map. A region's outer contour and its row extremes
 * share a convex hull, so only those extremes are kept for the min-area rectangle.
 */
function findRegions(map: ProbabilityMap, threshold: number, maxCandidates: number): Region[] {
  const { data, width, height } = map;
  const labels = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  const regions: Region[] = [];
  let label = 0;
  for (let start = 0; start < labels.length && regions.length < maxCandidates; start++) {
    if (labels[start] !== 0 || data[start]! <= threshold) continue;
    label++;
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    let sum = 0;
    let count = 0;
    const rowMin = new Map<number, number>();
    const rowMax = new Map<number, number>();
    while (top > 0) {
      const idx = stack[--top]!;
      sum += data[idx]!;
      count++;
      const x = idx % width;
      const y = (idx - x) / width;
      const lo = rowMin.get(y);
      if (lo === undefined || x < lo) rowMin.set(y, x);
      const hi = rowMax.get(y);
      if (hi === undefined || x > hi) rowMax.set(y, x);
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width || (dx === 0 && dy === 0)) continue;
          const n = ny * width + nx;
          if (labels[n] === 0 && data[n]! > threshold) {
            labels[n] = label;
            stack[top++] = n;
          }
        }
      }
    }
    const points: Point[] = [];
    for (const [y, lo] of rowMin) {
      points.push([lo, y]);
      const hi = rowMax.get(y)!;
      if (hi !== lo) points.push([hi, y]);
    }
    regions.push({ points, score: sum / count });
  }
  return regions;
}

/** Replays the resize ops backwards: detector-map coordinates → original image pixels. */
export function mapToOriginal(point: Point, ops: readonly ResizeOp[]): Point {
  let [x, y] = point;
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i]!;
    x = (x * op.fromWidth) / op.toWidth;
    y = (y * op.fromHeight) / op.toHeight;
  }
  return [x, y];
}

/**
 * DB post-processing: threshold the probability map, keep confident regions, grow each
 * shrunk region back by the unclip offset (for a rectangle, offsetting by d and taking the
 * min-area rectangle again adds d to every side), and map corners to image pixels.
 */
export function dbPostprocess(
  map: ProbabilityMap,
  ops: readonly ResizeOp[],
  imageWidth: number,
  imageHeight: number,
  options: DbPostprocessOptions = DET_CONFIG,
): DetectedBox[] {
  const boxes: DetectedBox[] = [];
  for (const region of findRegions(map, options.binaryThreshold, options.maxCandidates)) {
    if (region.score < options.boxThreshold) continue;
    const rect = minAreaRect(region.points);
    // Also rejects single-row/column regions, whose zero area has no unclip offset.
    if (Math.min(rect.width, rect.height) < Math.max(options.minBoxSide, 1)) continue;
    const area = rect.width * rect.height;
    const perimeter = 2 * (rect.width + rect.height);
    const offset = (area * options.unclipRatio) / perimeter;
    const grown = { ...rect, width: rect.width + 2 * offset, height: rect.height + 2 * offset };
    if (Math.min(grown.width, grown.height) < options.minBoxSide + 2) continue;

    const corners = rectCorners(grown).map((p) => {
      const [x, y] = mapToOriginal(p, ops);
      return [Math.min(Math.max(x, 0), imageWidth), Math.min(Math.max(y, 0), imageHeight)] as Point;
    }) as [Point, Point, Point, Point];
    const quad = orderQuad(corners);
    const size = quadSize(quad);
    if (size.width <= 3 || size.height <= 3) continue;
    boxes.push({ quad, score: region.score });
  }
  return boxes;
}
