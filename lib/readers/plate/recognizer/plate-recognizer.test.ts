import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import sharp from "sharp";
import { beforeAll, describe, expect, test } from "vitest";

import type { RgbImage } from "@/lib/ocr/types";

import { loadPlateRecognizer, type PlateRecognizer, type PlateTextReading } from "./plate-recognizer";

// Held-out synthetic plates of every kind and real validation crops (scripts/plates/fixtures.py)
const FIXTURES = path.resolve(import.meta.dirname, "../../../../tests/fixtures/plates");
const labels: Record<string, { text: string; kind: string }> = JSON.parse(fs.readFileSync(path.join(FIXTURES, "labels.json"), "utf8"));

async function load(file: string, scale = 1): Promise<RgbImage> {
  const image = sharp(path.join(FIXTURES, file)).removeAlpha();
  const { width = 0, height = 0 } = await image.metadata();
  const { data, info } = await image
    .resize(width * scale, height * scale, { kernel: "cubic" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

let recognizer: PlateRecognizer;
const readings = new Map<string, PlateTextReading>();

beforeAll(async () => {
  const loaded = await loadPlateRecognizer(1);
  if (!loaded) throw new Error("models/plates/plate-rec.onnx is missing");
  recognizer = loaded;
  for (const file of Object.keys(labels)) readings.set(file, await recognizer.read(await load(file)));
});

function exactShare(kind: (k: string) => boolean): number {
  const files = Object.keys(labels).filter((f) => kind(labels[f]!.kind));
  return files.filter((f) => readings.get(f)!.text === labels[f]!.text).length / files.length;
}

describe("plate recogniser (the committed model)", () => {
  test("reads real validation crops it was never trained on", () => {
    expect(exactShare((k) => k === "ccpd")).toBeGreaterThanOrEqual(0.85);
  });

  test("reads an upscaled crop like the original", async () => {
    const file = "ccpd-c600.jpg";
    const big = await recognizer.read(await load(file, 4));
    expect(big.text).toBe(labels[file]!.text);
    expect(big.text).toBe(readings.get(file)!.text);
  });

  test("reads every plate kind, double-row ones as their rows side by side", () => {
    expect(exactShare((k) => k !== "ccpd")).toBeGreaterThanOrEqual(0.75);
    for (const kind of ["yellow_double", "trailer", "green", "police", "hk_macao", "embassy", "consulate"]) {
      const read = Object.keys(labels).filter((f) => labels[f]!.kind === kind && readings.get(f)!.text === labels[f]!.text);
      expect(read.length, kind).toBeGreaterThan(0);
    }
  });

  test("one probability per character; confidence in [0, 1] and lower for wrong readings", () => {
    const right: number[] = [];
    const wrong: number[] = [];
    for (const [file, reading] of readings) {
      expect(reading.charProbs.length).toBe(Array.from(reading.text).length);
      expect(reading.confidence).toBeGreaterThanOrEqual(0);
      expect(reading.confidence).toBeLessThanOrEqual(1);
      for (const p of reading.charProbs) expect(p).toBeGreaterThan(0);
      (reading.text === labels[file]!.text ? right : wrong).push(reading.confidence);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(wrong.length).toBeGreaterThan(0);
    expect(mean(wrong)).toBeLessThan(mean(right));
  });

  test("no model file: null, so plates fall back to the general recogniser", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "plate-model-"));
    await expect(loadPlateRecognizer(1, empty)).resolves.toBeNull();
    fs.rmSync(empty, { recursive: true });
  });
});
