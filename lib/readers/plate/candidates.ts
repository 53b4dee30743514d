// Plate-region candidates by colour and shape: plate-coloured cells, joined across the
// characters that interrupt the background, kept when the region is plate-shaped.
import { minAreaRect, orderQuad, quadSize, rectCorners, type RotatedRect } from "@/lib/ocr/geometry";
import type { Point, Quad, RgbImage } from "@/lib/ocr/types";

import { pixelColor } from "./color";
import type { PlateColor } from "./grammar";

export interface PlateCandidate {
  quad: Quad;
  color: PlateColor;
}

export const CANDIDATE_CONFIG = {
  /** Cell side (px) of the colour grid. */
  cell: 3,
  /** Share of a cell's pixels that must be plate-coloured. */
  cellFill: 0.35,
  /** Cells of gap closed horizontally (characters split the background). */
  closeCells: 2,
  /** Plate width / height range (a Chinese plate is 440 × 140 mm, 3.1:1). */
  minAspect: 1.8,
  maxAspect: 6.5,
  /** Width / height of a new-energy plate (480 × 140 mm). */
  greenAspect: 480 / 140,
  /** Smallest plate width (px) considered. */
  minWidth: 36,
  /** Largest plate width as a share of the image width. */
  maxWidthShare: 0.8,
  /** Share of the rotated rectangle the region must fill. */
  minFill: 0.45,
  /** Most candidates returned, largest first. */
  maxCandidates: 24,
} as const;

export function findPlateCandidates(image: RgbImage): PlateCandidate[] {
  const { cell } = CANDIDATE_CONFIG;
  const gw = Math.floor(image.width / cell);
  const gh = Math.floor(image.height / cell);
  const colors = ["blue", "yellow", "green"] as const;
  const counts = colors.map(() => new Uint16Array(gw * gh));
  const { data, width } = image;
  for (let y = 0; y < gh * cell; y++) {
    const row = Math.floor(y / cell) * gw;
    for (let x = 0; x < gw * cell; x++) {
      const p = (y * width + x) * 3;
      const c = pixelColor(data[p]!, data[p + 1]!, data[p + 2]!);
      if (c) counts[colors.indexOf(c)]![row + Math.floor(x / cell)]!++;
    }
  }
  const minHits = CANDIDATE_CONFIG.cellFill * cell * cell;
  const out: PlateCandidate[] = [];
  colors.forEach((color, ci) => {
    const grid = new Uint8Array(gw * gh);
    counts[ci]!.forEach((n, i) => (grid[i] = n >= minHits ? 1 : 0));
    const closed = closeHorizontal(grid, gw, gh, CANDIDATE_CONFIG.closeCells);
    for (const cells of components(closed, gw, gh)) {
      const candidate = toCandidate(cells, color, image.width);
      if (candidate) out.push(candidate);
    }
  });
  return out.slice(0, CANDIDATE_CONFIG.maxCandidates);
}

function closeHorizontal(grid: Uint8Array, gw: number, gh: number, gap: number): Uint8Array {
  const out = grid.slice();
  for (let y = 0; y < gh; y++) {
    let last = -1;
    for (let x = 0; x < gw; x++) {
      if (!grid[y * gw + x]) continue;
      if (last >= 0 && x - last - 1 <= gap) for (let f = last + 1; f < x; f++) out[y * gw + f] = 1;
      last = x;
    }
  }
  return out;
}

function components(grid: Uint8Array, gw: number, gh: number): number[][] {
  const seen = new Uint8Array(grid.length);
  const result: number[][] = [];
  for (let start = 0; start < grid.length; start++) {
    if (!grid[start] || seen[start]) continue;
    const cells: number[] = [];
    const stack = [start];
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      cells.push(i);
      const x = i % gw;
      const y = (i - x) / gw;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= gw || ny >= gh) continue;
          const j = ny * gw + nx;
          if (grid[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    if (cells.length >= 12) result.push(cells);
  }
  return result.sort((a, b) => b.length - a.length);
}

function toCandidate(cells: number[], color: PlateColor, imageWidth: number): PlateCandidate | null {
  const { cell, minAspect, maxAspect, minWidth, maxWidthShare, minFill } = CANDIDATE_CONFIG;
  const gw = Math.floor(imageWidth / cell);
  const points: Point[] = [];
  for (const i of cells) {
    const x = (i % gw) * cell;
    const y = Math.floor(i / gw) * cell;
    points.push([x, y], [x + cell, y], [x + cell, y + cell], [x, y + cell]);
  }
  const rect = minAreaRect(points);
  const long = Math.max(rect.width, rect.height);
  const short = Math.min(rect.width, rect.height);
  if (short <= 0) return null;
  const aspect = long / short;
  const fill = (cells.length * cell * cell) / (rect.width * rect.height);
  if (aspect < minAspect || aspect > maxAspect || long < minWidth || long > maxWidthShare * imageWidth) return null;
  if (fill < minFill) return null;
  const quad = fitCorners(points, rect);
  return { quad: color === "green" ? withGradientTop(quad) : quad, color };
}

/**
 * A new-energy plate fades from green at the bottom to near white at the top, so its colour
 * region can be only the lower part: too flat for a plate. Such a region is grown upwards to
 * the plate's proportions.
 */
function withGradientTop(quad: Quad): Quad {
  const { width, height } = quadSize(quad);
  const k = width / CANDIDATE_CONFIG.greenAspect / Math.max(height, 1);
  if (k <= 1) return quad;
  const [tl, tr, br, bl] = quad;
  const up = (top: Point, bottom: Point): Point => [bottom[0] + k * (top[0] - bottom[0]), bottom[1] + k * (top[1] - bottom[1])];
  return [up(tl, bl), up(tr, br), br, bl];
}

/**
 * The region's four corners: extreme points along the rectangle's diagonals. Unlike the
 * rectangle itself this follows the parallelogram a plate becomes under perspective.
 */
function fitCorners(points: Point[], rect: RotatedRect): Quad {
  const [cx, cy] = rect.center;
  const [ux, uy] = rect.axis;
  const corners = rectCorners(rect);
  const best: [number, Point][] = corners.map((c) => [-Infinity, c]);
  for (const p of points) {
    const u = ((p[0] - cx) * ux + (p[1] - cy) * uy) / rect.width;
    const v = (-(p[0] - cx) * uy + (p[1] - cy) * ux) / rect.height;
    const scores = [-u - v, u - v, u + v, -u + v];
    scores.forEach((s, i) => {
      if (s > best[i]![0]) best[i] = [s, p];
    });
  }
  return orderQuad(best.map((b) => b[1]) as [Point, Point, Point, Point]);
}
