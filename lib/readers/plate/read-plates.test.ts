import { describe, expect, test } from "vitest";

import type { Quad, RecResult, RgbImage } from "@/lib/ocr/types";

import { findPlateCandidates } from "./candidates";
import type { PlateDetection } from "./detector/decode-detections";
import { type PlateOcr, readPlates } from "./read-plates";

const DICT = ["<blank>", ..."浙京警0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"];
const SEED = { allTypes: false };
const ALL = { allTypes: true };

function scene(
  width: number,
  height: number,
  plate?: { x: number; y: number; w: number; h: number; rgb: [number, number, number] },
): RgbImage {
  const data = new Uint8Array(width * height * 3).fill(110);
  if (plate) {
    for (let y = plate.y; y < plate.y + plate.h; y++) {
      for (let x = plate.x; x < plate.x + plate.w; x++) data.set(plate.rgb, (y * width + x) * 3);
    }
  }
  return { width, height, data };
}

/** A plate the detector found at `quad`. */
function detection(quad: Quad, rows: 1 | 2 = 1): PlateDetection {
  const xs = quad.map((p) => p[0]);
  const ys = quad.map((p) => p[1]);
  return { box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], corners: quad, score: 0.9, rows };
}

const rect = (x: number, y: number, w: number, h: number): Quad => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
];

/** A recogniser that "reads" `text` confidently from every crop (`freeText`: its unconstrained reading). */
function fakeOcr(
  text: string | null,
  detected: Quad[] = [],
  freeText = text ?? "",
  plates: PlateDetection[] = [],
): PlateOcr & { crops: number; views: RgbImage[] } {
  const fake = {
    crops: 0,
    views: [] as RgbImage[],
    detect: async () => detected,
    detectPlates: async () => plates,
    plateRecognizer: null,
    dictionary: () => DICT,
    recognizeCrops: async (crops: RgbImage[]): Promise<RecResult[]> => {
      fake.crops += crops.length;
      fake.views.push(...crops);
      return crops.map(() => {
        const chars = text ? [...text] : [];
        const steps = 20;
        const data = new Float32Array(steps * DICT.length);
        for (let t = 0; t < steps; t++) {
          const ch = t % 2 === 0 ? chars[t / 2] : undefined;
          if (ch) {
            data[t * DICT.length + DICT.indexOf(ch)] = 0.99;
            data[t * DICT.length] = 0.01;
          } else data[t * DICT.length] = 1;
        }
        return { text: freeText, score: 0.99, probs: { data, steps, classes: DICT.length } };
      });
    },
  };
  return fake;
}

describe("plate candidates", () => {
  test("finds a small blue plate by colour and shape", () => {
    const image = scene(640, 360, { x: 300, y: 200, w: 84, h: 27, rgb: [18, 72, 184] });
    const candidates = findPlateCandidates(image);
    expect(candidates).toHaveLength(1);
    const [c] = candidates;
    expect(c!.color).toBe("blue");
    expect(c!.quad[0][0]).toBeCloseTo(300, -1);
    expect(c!.quad[2][0]).toBeCloseTo(384, -1);
  });

  test("a new-energy plate whose pale top is not green is grown to a plate's proportions", () => {
    // 144 × 42 plate: near-white top, green lower 26 px (too flat for a plate: 5.5 : 1).
    const image = scene(640, 360, { x: 300, y: 216, w: 144, h: 26, rgb: [57, 179, 107] });
    for (let y = 200; y < 216; y++) for (let x = 300; x < 444; x++) image.data.set([236, 248, 240], (y * 640 + x) * 3);
    const [c] = findPlateCandidates(image);
    expect(c!.color).toBe("green");
    expect(c!.quad[0][1]).toBeCloseTo(200, -1);
    expect(c!.quad[3][1]).toBeCloseTo(242, -1);
  });

  test("ignores a plate-coloured region of the wrong shape", () => {
    expect(findPlateCandidates(scene(640, 360, { x: 100, y: 100, w: 200, h: 200, rgb: [18, 72, 184] }))).toEqual([]);
  });
});

describe("readPlates", () => {
  test("reads a yellow plate, typed by colour, with a probability", async () => {
    const image = scene(640, 360, { x: 300, y: 200, w: 120, h: 38, rgb: [242, 194, 26] });
    const [plate, ...rest] = await readPlates(image, fakeOcr("京A12345"), SEED);
    expect(rest).toEqual([]);
    expect(plate).toMatchObject({ text: "京A12345", plateType: "黄牌" });
    expect(plate!.confidence).toBeGreaterThan(0.9);
    expect(plate!.confidence).toBeLessThanOrEqual(1);
  });

  test("an 8-character reading is a new-energy plate", async () => {
    const image = scene(640, 360, { x: 300, y: 200, w: 130, h: 38, rgb: [57, 179, 107] });
    const [plate] = await readPlates(image, fakeOcr("浙AD12345"), SEED);
    expect(plate).toMatchObject({ text: "浙AD12345", plateType: "绿牌" });
  });

  test("no plate: zero readings, and text boxes without plate colour are not read", async () => {
    const sign: Quad = [
      [50, 50],
      [250, 50],
      [250, 100],
      [50, 100],
    ];
    const ocr = fakeOcr("浙B2V9L7", [sign]);
    expect(await readPlates(scene(640, 360), ocr, SEED)).toEqual([]);
    expect(ocr.crops).toBe(0);
  });

  test("a sign's text forced into the grammar is not a plate", async () => {
    const image = scene(640, 360, { x: 300, y: 200, w: 160, h: 40, rgb: [242, 194, 26] });
    expect(await readPlates(image, fakeOcr("京A12345", [], "外卖电话0931-8456123"), SEED)).toEqual([]);
    expect(await readPlates(image, fakeOcr("京A12345", [], "京A·12345"), SEED)).toHaveLength(1);
  });

  test("garbage that fits no plate grammar is dropped", async () => {
    const image = scene(640, 360, { x: 300, y: 200, w: 120, h: 38, rgb: [18, 72, 184] });
    expect(await readPlates(image, fakeOcr(null), SEED)).toEqual([]);
  });

  test("a detected plate is never dropped: its best reading even when the free text disagrees", async () => {
    const image = scene(640, 360, { x: 300, y: 200, w: 120, h: 38, rgb: [18, 72, 184] });
    const ocr = fakeOcr("京A12345", [], "外卖电话0931-8456123", [detection(rect(300, 200, 120, 38))]);
    const [plate, ...rest] = await readPlates(image, ocr, SEED);
    expect(rest).toEqual([]);
    expect(plate).toMatchObject({ text: "京A12345", plateType: "蓝牌" });
    // The detector's corners are the box.
    expect(plate!.box).toEqual(rect(300, 200, 120, 38));
  });

  test("a detection on white paper that does not read as a plate is not one (documents' boxed text)", async () => {
    const paper = scene(640, 360, { x: 300, y: 200, w: 120, h: 38, rgb: [240, 240, 240] });
    const plates = [detection(rect(300, 200, 120, 38))];
    expect(await readPlates(paper, fakeOcr("京A12345", [], "外卖电话0931-8456123", plates), ALL)).toEqual([]);
    // A less sure detection on a blue plate must read as one too.
    const blue = scene(640, 360, { x: 300, y: 200, w: 120, h: 38, rgb: [18, 72, 184] });
    const unsure = [{ ...detection(rect(300, 200, 120, 38)), score: 0.4 }];
    expect(await readPlates(blue, fakeOcr("京A12345", [], "外卖电话0931-8456123", unsure), SEED)).toEqual([]);
    expect(await readPlates(blue, fakeOcr("京A12345", [], "京A12345", unsure), SEED)).toHaveLength(1);
  });

  test("one probability per character", async () => {
    const image = scene(640, 360, { x: 300, y: 200, w: 130, h: 38, rgb: [57, 179, 107] });
    const [plate] = await readPlates(image, fakeOcr("浙AD12345", [], undefined, [detection(rect(300, 200, 130, 38))]), SEED);
    expect(plate!.charProbs).toHaveLength(8);
    for (const p of plate!.charProbs) expect(p).toBeGreaterThan(0.9);
  });

  test("a white police plate: left out by default, 白牌 with all_types", async () => {
    const image = scene(640, 360, { x: 300, y: 200, w: 120, h: 38, rgb: [236, 236, 236] });
    const plates = [detection(rect(300, 200, 120, 38))];
    expect(await readPlates(image, fakeOcr("京A1234警", [], undefined, plates), SEED)).toEqual([]);
    const [plate] = await readPlates(image, fakeOcr("京A1234警", [], undefined, plates), ALL);
    expect(plate).toMatchObject({ text: "京A1234警", plateType: "白牌" });
  });

  test("an armed-police plate keeps its WJ (no province to re-read)", async () => {
    const image = scene(640, 360, { x: 300, y: 200, w: 140, h: 38, rgb: [236, 236, 236] });
    const [plate] = await readPlates(image, fakeOcr("WJ1693015", [], undefined, [detection(rect(300, 200, 140, 38))]), ALL);
    expect(plate).toMatchObject({ text: "WJ1693015", plateType: "白牌" });
  });

  test("a double-row plate is read as its two rows side by side, only with all_types", async () => {
    const image = scene(640, 360, { x: 300, y: 200, w: 110, h: 55, rgb: [242, 194, 26] });
    const plates = [detection(rect(300, 200, 110, 55), 2)];
    expect(await readPlates(image, fakeOcr("京E12345", [], undefined, plates), SEED)).toEqual([]);
    const ocr = fakeOcr("京E12345", [], undefined, plates);
    const [plate] = await readPlates(image, ocr, ALL);
    expect(plate).toMatchObject({ text: "京E12345", plateType: "黄牌" });
    // Each view is one line: much wider than the 2:1 plate.
    for (const view of ocr.views) expect(view.width / view.height).toBeGreaterThan(4);
  });

  test("a picture that is a plate crop, even squashed square, is read as one plate", async () => {
    const crop = scene(96, 96, { x: 0, y: 0, w: 96, h: 96, rgb: [18, 72, 184] });
    const ocr = fakeOcr("京A12345");
    const plates = await readPlates(crop, ocr, SEED);
    expect(plates).toHaveLength(1);
    expect(plates[0]).toMatchObject({ text: "京A12345", plateType: "蓝牌" });
    // Read at a plate's proportions, not square.
    expect(ocr.views.some((v) => v.width / v.height > 3)).toBe(true);
  });
});
