import { describe, expect, test } from "vitest";

import { decodeDetections } from "./decode-detections";
import { letterbox } from "./letterbox";

/** One anchor row: centre, size, objectness, four corners, single/double-row scores (input pixels). */
function anchor(cx: number, cy: number, w: number, h: number, objectness: number, rows: [number, number] = [0.9, 0.1]): number[] {
  const [x1, y1, x2, y2] = [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
  return [cx, cy, w, h, objectness, x1, y1, x2, y1, x2, y2, x1, y2, ...rows];
}

describe("letterbox", () => {
  test("fits the picture into the square, centred on grey, RGB in [0, 1], channels first", () => {
    const image = { width: 4, height: 2, data: new Uint8Array(4 * 2 * 3).fill(0).map((_, i) => (i % 3 === 0 ? 255 : 0)) };
    const { tensor, scale, left, top } = letterbox(image, 8);
    expect({ scale, left, top }).toEqual({ scale: 2, left: 0, top: 2 });
    const plane = 64;
    // Row 0 is padding (114 / 255); row 2 is the picture: red = 1, green = blue = 0.
    expect(tensor[0]).toBeCloseTo(114 / 255);
    expect(tensor[2 * 8]).toBeCloseTo(1);
    expect(tensor[plane + 2 * 8]).toBeCloseTo(0);
    expect(tensor[2 * plane + 2 * 8]).toBeCloseTo(0);
  });
});

describe("decodeDetections", () => {
  // A 1000 × 500 picture letterboxed to 320: scale 0.32, 80 px of padding above.
  const box = { tensor: new Float32Array(0), scale: 0.32, left: 0, top: 80 };

  test("keeps confident anchors, maps box and corners back to picture pixels", () => {
    const out = new Float32Array([...anchor(160, 160, 64, 20, 0.9), ...anchor(50, 50, 30, 10, 0.1)]);
    const [plate, ...rest] = decodeDetections(out, box);
    expect(rest).toEqual([]);
    expect(plate!.rows).toBe(1);
    expect(plate!.score).toBeCloseTo(0.81);
    expect(plate!.box.map(Math.round)).toEqual([400, 219, 600, 281]);
    expect(plate!.corners[0].map(Math.round)).toEqual([400, 219]);
    expect(plate!.corners[2].map(Math.round)).toEqual([600, 281]);
  });

  test("overlapping anchors of one plate are one detection (the best); a double-row class wins its plate", () => {
    const out = new Float32Array([
      ...anchor(160, 160, 64, 40, 0.8, [0.2, 0.9]),
      ...anchor(162, 161, 64, 40, 0.7),
      ...anchor(40, 200, 40, 14, 0.9),
    ]);
    const found = decodeDetections(out, box);
    expect(found).toHaveLength(2);
    expect(found[0]!.rows).toBe(1);
    expect(found[1]!.rows).toBe(2);
    expect(found[1]!.score).toBeCloseTo(0.72);
  });
});
