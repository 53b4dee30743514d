// Pixel evidence for tables: the ruled lines of a page (full grids, three-line tables), found as
// long thin runs of ink in the upright frame. Runs on the OCR worker (it walks every pixel).
import type { RgbImage } from "@/lib/ocr/types";

import type { PageFrame, Rect } from "./frame";

/** A straight rule in the upright frame: at `at` (y of a horizontal rule, x of a vertical one), from → to along it. */
export interface Segment {
  at: number;
  from: number;
  to: number;
}

export interface Rulings {
  horizontal: Segment[];
  vertical: Segment[];
}

/** Longest side the evidence is gathered at: rules stay several pixels long, the work stays bounded. */
const WORK_SIDE = 1600;
/** Ink is this much darker than its neighbourhood (grey rules on paper, under uneven light). */
const INK_CONTRAST = 25;
/** Breaks inside a rule that are bridged (JPEG, noise), in work pixels. */
const MAX_GAP = 4;

interface Grid {
  width: number;
  height: number;
  ink: Uint8Array;
}

export function findRulings(image: RgbImage, frame: PageFrame, textRects: readonly Rect[], lineHeight: number): Rulings {
  const scale = Math.min(1, WORK_SIDE / Math.max(image.width, image.height));
  const corners = (
    [
      [0, 0],
      [image.width, 0],
      [image.width, image.height],
      [0, image.height],
    ] as const
  ).map((p) => frame.toUpright([p[0], p[1]]));
  const u0 = Math.min(...corners.map((p) => p[0]));
  const v0 = Math.min(...corners.map((p) => p[1]));
  const width = Math.ceil((Math.max(...corners.map((p) => p[0])) - u0) * scale);
  const height = Math.ceil((Math.max(...corners.map((p) => p[1])) - v0) * scale);
  const gray = sampleUpright(image, frame, { u0, v0, scale, width, height });
  const grid: Grid = { width, height, ink: inkMask(gray, width, height, Math.max(7, Math.round(lineHeight * scale))) };
  // Pieces down to half a line height are kept (noise breaks a rule), joined, then judged whole.
  const minPiece = Math.max(8, 0.5 * lineHeight * scale);
  const minLength = Math.max(20 / scale, 2 * lineHeight);
  const maxThickness = Math.max(4, 0.4 * lineHeight * scale);
  const toFrame = (s: Segment, atOrigin: number, alongOrigin: number): Segment => ({
    at: atOrigin + s.at / scale,
    from: alongOrigin + s.from / scale,
    to: alongOrigin + s.to / scale,
  });
  const horizontal = rules(grid.ink, [height, width], [width, 1], minPiece, maxThickness);
  const vertical = rules(grid.ink, [width, 1], [height, width], minPiece, maxThickness);
  const joinGap = maxThickness / scale;
  // As rectangles across the rule (x0..x1 along a horizontal one), to test them against text lines.
  const across = (r: Rect) => ({ x0: r.y0, y0: r.x0, x1: r.y1, y1: r.x1 });
  const long = (s: Segment) => s.to - s.from >= minLength;
  return {
    horizontal: notText(
      joinParallel(
        horizontal.map((s) => toFrame(s, v0, u0)),
        joinGap,
      ).filter(long),
      textRects,
    ),
    vertical: notText(
      joinParallel(
        vertical.map((s) => toFrame(s, u0, v0)),
        joinGap,
      ).filter(long),
      textRects.map(across),
    ),
  };
}

/** Pieces of one rule (its blurred edges, a slant across pixel rows) become one segment. */
function joinParallel(segments: Segment[], gap: number): Segment[] {
  const out: (Segment & { weight: number })[] = [];
  for (const s of [...segments].sort((a, b) => a.at - b.at || a.from - b.from)) {
    const near = out.find((o) => Math.abs(o.at - s.at) <= gap && s.from <= o.to + gap && s.to >= o.from - gap);
    const weight = s.to - s.from;
    if (!near) {
      out.push({ ...s, weight });
      continue;
    }
    near.at = (near.at * near.weight + s.at * weight) / (near.weight + weight);
    near.weight += weight;
    near.from = Math.min(near.from, s.from);
    near.to = Math.max(near.to, s.to);
  }
  return out.map(({ at, from, to }) => ({ at, from, to }));
}

/**
 * Runs along the inside of text lines are strokes (tops of digits, a row of 一), not rules: a
 * segment is dropped when text lines whose inner band holds it cover half its length. A det box
 * may reach a rule with its edge, so the band leaves out the outer 15% of the line.
 */
function notText(segments: Segment[], lines: readonly Rect[]): Segment[] {
  return segments.filter((s) => {
    let inside = 0;
    for (const r of lines) {
      const inset = 0.15 * (r.y1 - r.y0);
      if (s.at > r.y0 + inset && s.at < r.y1 - inset) inside += Math.max(0, Math.min(s.to, r.x1) - Math.max(s.from, r.x0));
    }
    return inside < 0.5 * (s.to - s.from);
  });
}

/** Grey levels of the upright frame at `scale`, nearest pixel; outside the picture is white. */
function sampleUpright(
  image: RgbImage,
  frame: PageFrame,
  { u0, v0, scale, width, height }: { u0: number; v0: number; scale: number; width: number; height: number },
): Uint8Array {
  const gray = new Uint8Array(width * height).fill(255);
  const [ox, oy] = frame.toPicture([u0, v0]);
  const [ux, uy] = frame.toPicture([u0 + 1 / scale, v0]).map((n, k) => n - (k === 0 ? ox : oy)) as [number, number];
  const [vx, vy] = frame.toPicture([u0, v0 + 1 / scale]).map((n, k) => n - (k === 0 ? ox : oy)) as [number, number];
  const { data, width: w, height: h } = image;
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const x = Math.round(ox + i * ux + j * vx);
      const y = Math.round(oy + i * uy + j * vy);
      if (x < 0 || y < 0 || x >= w || y >= h) continue;
      const k = (y * w + x) * 3;
      gray[j * width + i] = (data[k]! * 77 + data[k + 1]! * 150 + data[k + 2]! * 29) >> 8;
    }
  }
  return gray;
}

/** 1 where a pixel is darker than the mean of its (2r+1)² neighbourhood by INK_CONTRAST. */
function inkMask(gray: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const stride = width + 1;
  const sums = new Uint32Array(stride * (height + 1));
  for (let j = 0; j < height; j++) {
    let row = 0;
    for (let i = 0; i < width; i++) {
      row += gray[j * width + i]!;
      sums[(j + 1) * stride + i + 1] = sums[j * stride + i + 1]! + row;
    }
  }
  const ink = new Uint8Array(width * height);
  for (let j = 0; j < height; j++) {
    const ja = Math.max(0, j - r);
    const jb = Math.min(height, j + r + 1);
    for (let i = 0; i < width; i++) {
      const ia = Math.max(0, i - r);
      const ib = Math.min(width, i + r + 1);
      const sum = sums[jb * stride + ib]! - sums[ja * stride + ib]! - sums[jb * stride + ia]! + sums[ja * stride + ia]!;
      const mean = sum / ((jb - ja) * (ib - ia));
      if (gray[j * width + i]! < mean - INK_CONTRAST) ink[j * width + i] = 1;
    }
  }
  return ink;
}

interface Open {
  first: number;
  last: number;
  from: number;
  to: number;
  taken: boolean;
}

/**
 * Long ink runs along each major line (rows for horizontal rules), joined across neighbouring
 * lines into one rule; a band thicker than `maxThickness` is a filled area, not a rule. The ink
 * is addressed as ink[major · majorStride + minor · minorStride].
 */
function rules(
  ink: Uint8Array,
  [majors, majorStride]: [number, number],
  [minors, minorStride]: [number, number],
  minLength: number,
  maxThickness: number,
): Segment[] {
  const found: Segment[] = [];
  let open: Open[] = [];
  for (let major = 0; major <= majors; major++) {
    const next: Open[] = [];
    if (major < majors) {
      for (const [from, to] of inkRuns(ink, major * majorStride, minors, minorStride, minLength)) {
        const joined = open.find((o) => !o.taken && Math.min(o.to, to) - Math.max(o.from, from) > 0.5 * Math.min(o.to - o.from, to - from));
        if (joined) joined.taken = true;
        next.push(
          joined
            ? { first: joined.first, last: major, from: Math.min(joined.from, from), to: Math.max(joined.to, to), taken: false }
            : { first: major, last: major, from, to, taken: false },
        );
      }
    }
    for (const o of open) {
      if (!o.taken && o.last - o.first + 1 <= maxThickness) found.push({ at: (o.first + o.last + 1) / 2, from: o.from, to: o.to });
    }
    open = next;
  }
  return found;
}

/** Runs of ink along one line, bridging gaps up to MAX_GAP, at least `minLength` long. */
function inkRuns(ink: Uint8Array, offset: number, length: number, stride: number, minLength: number): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  let lastInk = -1;
  for (let i = 0; i < length; i++) {
    if (ink[offset + i * stride] !== 1) continue;
    if (start < 0 || i - lastInk > MAX_GAP + 1) {
      if (start >= 0 && lastInk - start + 1 >= minLength) runs.push([start, lastInk + 1]);
      start = i;
    }
    lastInk = i;
  }
  if (start >= 0 && lastInk - start + 1 >= minLength) runs.push([start, lastInk + 1]);
  return runs;
}
