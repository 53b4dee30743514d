import { describe, expect, test } from "vitest";

import { DET_CONFIG } from "../config";
import { quadIou } from "../geometry/quad";
import type { Quad } from "../types";
import { dbPostprocess, mapToOriginal } from "./db-postprocess";
import type { ResizeOp } from "./preprocess";

/** Probability map with `value` inside each polygon (point-in-convex-quad test per pixel). */
function mapWith(width: number, height: number, regions: { quad: Quad; value: number }[]) {
  const data = new Float32Array(width * height);
  for (const { quad, value } of regions) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const inside = quad.every((a, i) => {
          const b = quad[(i + 1) % 4]!;
          return (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]) >= 0;
        });
        if (inside) data[y * width + x] = value;
      }
    }
  }
  return { data, width, height };
}

const identity = (w: number, h: number): ResizeOp[] => [{ kind: "resize", fromWidth: w, fromHeight: h, toWidth: w, toHeight: h }];

describe("dbPostprocess", () => {
  test("finds an axis-aligned region and grows it by the unclip offset", () => {
    const map = mapWith(200, 100, [
      {
        quad: [
          [20, 40],
          [120, 40],
          [120, 50],
          [20, 50],
        ],
        value: 0.9,
      },
    ]);
    const boxes = dbPostprocess(map, identity(200, 100), 200, 100);
    expect(boxes).toHaveLength(1);
    const [tl, tr, br, bl] = boxes[0]!.quad;
    // 100×10 region → offset = 1000 × 1.6 / 220 ≈ 7.3 px on each side.
    const d = (100 * 10 * DET_CONFIG.unclipRatio) / 220;
    expect(tl[0]).toBeCloseTo(20 - d, 0);
    expect(tl[1]).toBeCloseTo(40 - d, 0);
    expect(br[0]).toBeCloseTo(120 + d, 0);
    expect(br[1]).toBeCloseTo(50 + d, 0);
    expect(tr[0]).toBeGreaterThan(tl[0]);
    expect(bl[1]).toBeGreaterThan(tl[1]);
    expect(boxes[0]!.score).toBeCloseTo(0.9, 5);
  });

  test("follows a rotated region", () => {
    const angle = (10 * Math.PI) / 180;
    const rot = ([x, y]: [number, number]): [number, number] => [
      100 + (x - 100) * Math.cos(angle) - (y - 60) * Math.sin(angle),
      60 + (x - 100) * Math.sin(angle) + (y - 60) * Math.cos(angle),
    ];
    const quad: Quad = [rot([40, 54]), rot([160, 54]), rot([160, 66]), rot([40, 66])];
    const boxes = dbPostprocess(mapWith(200, 120, [{ quad, value: 0.8 }]), identity(200, 120), 200, 120, { ...DET_CONFIG, unclipRatio: 0 });
    expect(boxes).toHaveLength(1);
    expect(quadIou(boxes[0]!.quad, quad)).toBeGreaterThan(0.8);
    const [tl, tr] = boxes[0]!.quad;
    expect(Math.atan2(tr[1] - tl[1], tr[0] - tl[0])).toBeCloseTo(angle, 1);
  });

  test("drops weak, tiny and below-threshold regions", () => {
    const map = mapWith(200, 100, [
      {
        quad: [
          [10, 10],
          [90, 10],
          [90, 20],
          [10, 20],
        ],
        value: 0.45,
      }, // above binary, below box threshold
      {
        quad: [
          [150, 50],
          [151, 50],
          [151, 51],
          [150, 51],
        ],
        value: 0.99,
      }, // 2×2 px
      {
        quad: [
          [10, 60],
          [90, 60],
          [90, 70],
          [10, 70],
        ],
        value: 0.2,
      }, // below binary threshold
    ]);
    expect(dbPostprocess(map, identity(200, 100), 200, 100)).toEqual([]);
  });

  test("maps boxes back through the resize record and clips to the image", () => {
    const map = mapWith(100, 50, [
      {
        quad: [
          [10, 20],
          [60, 20],
          [60, 30],
          [10, 30],
        ],
        value: 0.9,
      },
    ]);
    const ops: ResizeOp[] = [{ kind: "resize", fromWidth: 400, fromHeight: 100, toWidth: 100, toHeight: 50 }];
    const [box] = dbPostprocess(map, ops, 400, 100, { ...DET_CONFIG, unclipRatio: 0 });
    expect(box!.quad[0][0]).toBeCloseTo(40, 0);
    expect(box!.quad[0][1]).toBeCloseTo(40, 0);
    expect(box!.quad[2][0]).toBeCloseTo(240, 0);
    expect(box!.quad[2][1]).toBeCloseTo(60, 0);
    expect(mapToOriginal([100, 50], ops)).toEqual([400, 100]);
  });

  test("separates neighbouring regions", () => {
    const map = mapWith(200, 100, [
      {
        quad: [
          [10, 10],
          [90, 10],
          [90, 20],
          [10, 20],
        ],
        value: 0.9,
      },
      {
        quad: [
          [10, 40],
          [90, 40],
          [90, 50],
          [10, 50],
        ],
        value: 0.9,
      },
    ]);
    expect(dbPostprocess(map, identity(200, 100), 200, 100)).toHaveLength(2);
  });
});
