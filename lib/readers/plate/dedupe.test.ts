import { expect, test } from "vitest";

import type { Quad } from "@/lib/ocr/types";

import { dedupeReadings } from "./dedupe";
import { withJoinedNeighbours } from "./joined-boxes";

const rect = (x: number, y: number, w: number, h: number): Quad => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
];

test("readings of one plate collapse to the most confident; other plates stay", () => {
  const kept = dedupeReadings([
    { box: rect(100, 100, 120, 40), text: "浙B2V9L7", confidence: 0.6 },
    { box: rect(110, 105, 60, 30), text: "浙B2V9L1", confidence: 0.9 }, // inside the first
    { box: rect(400, 100, 120, 40), text: "京A12345", confidence: 0.5 },
  ]);
  expect(kept.map((r) => r.text)).toEqual(["浙B2V9L1", "京A12345"]);
});

test("side-by-side halves of a split plate are also offered joined", () => {
  const joined = withJoinedNeighbours([rect(100, 100, 40, 30), rect(150, 101, 90, 30), rect(100, 300, 40, 30)]);
  expect(joined).toHaveLength(4);
  expect(joined[3]![0][0]).toBeCloseTo(100, 0);
  expect(joined[3]![2][0]).toBeCloseTo(240, 0);
});
