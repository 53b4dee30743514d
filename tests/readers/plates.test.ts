// Plate reading with the real models: the detector's decoding on rendered scenes with known
// corners, a large close-up (the 藏D·T5022 case), a picture that is a squashed plate crop,
// per-character confidences and the all_types kinds.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { type Canvas, createCanvas } from "@napi-rs/canvas";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { recognizePlates } from "@/lib/capabilities/plate/recognize";
import { getOcrEngine } from "@/lib/ocr/engine";
import { quadIou } from "@/lib/ocr/geometry";
import { createOnnxRunner } from "@/lib/ocr/onnx-runner";
import type { FileRead, Quad, RgbImage } from "@/lib/ocr/types";
import { detectPlates } from "@/lib/readers/plate/detector/plate-detector";
import { registerDocFonts } from "@/scripts/fixtures/documents/fonts";
import { generateDocuments } from "@/scripts/fixtures/documents/generate";
import { renderPlate } from "@/scripts/fixtures/documents/plate";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ocr-plates-"));
generateDocuments(dir, 4);
const scenes = JSON.parse(fs.readFileSync(path.join(dir, "plate", "gt.json"), "utf8")).images as Record<
  string,
  { plates: { box: Quad }[] }
>;

const DECODE = { maxBytes: 10 << 20 };
const SEED = { allTypes: false, withCharConfidence: false };

async function value<T>(read: Promise<FileRead<T>>): Promise<T> {
  const result = await read;
  if (!result.ok) throw new Error(`file refused: ${result.kind}`);
  return result.value;
}

async function rgb(file: string | Buffer): Promise<RgbImage> {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

/** A car front filling the frame, its plate a third of the picture wide (like the 藏D·T5022 photo). */
function closeUp(plate: Canvas): Buffer {
  const canvas = createCanvas(1140, 456);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#c8ccd0";
  ctx.fillRect(0, 0, 1140, 456);
  ctx.fillStyle = "#23272b";
  ctx.fillRect(120, 40, 900, 150);
  ctx.fillStyle = "#9aa0a6";
  ctx.fillRect(0, 330, 1140, 126);
  ctx.drawImage(plate, 380, 200, 380, 121);
  return canvas.toBuffer("image/jpeg", 90);
}

beforeAll(async () => {
  registerDocFonts();
  await getOcrEngine();
}, 180_000);

afterAll(async () => {
  await (await getOcrEngine()).close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("plate detector", () => {
  test("finds every plate of rendered scenes at its corners", async () => {
    const runners = new Map<string, ReturnType<typeof createOnnxRunner>>();
    const load = (file: string) => {
      if (!runners.has(file)) runners.set(file, createOnnxRunner(file, 1));
      return runners.get(file)!;
    };
    for (const [name, truth] of Object.entries(scenes)) {
      const found = await detectPlates(await rgb(path.join(dir, "plate", name)), load);
      for (const plate of truth.plates) {
        const best = Math.max(0, ...found.map((d) => quadIou(d.corners, plate.box)));
        expect(best, `${name}: a plate at ${JSON.stringify(plate.box)}`).toBeGreaterThan(0.6);
      }
    }
  });
});

describe("plates the colour candidates missed", () => {
  test("a large close-up: 藏DT5022 with one probability per character", async () => {
    const file = new Uint8Array(closeUp(renderPlate("藏DT5022", "blue")));
    const result = await value(recognizePlates(file, DECODE, { allTypes: false, withCharConfidence: true }));
    expect(result.detail.map((d) => d.platelicense)).toEqual(["藏DT5022"]);
    const [plate] = result.detail;
    expect(plate!.plate_type).toBe("蓝牌");
    expect(plate!.char_confidence).toHaveLength(7);
    expect(plate!.box[0]![0]).toBeGreaterThan(360);
    expect(plate!.box[2]![0]).toBeLessThan(780);
  });

  test("a plate crop squashed to 96×96 is read as one plate", async () => {
    const squashed = await sharp(renderPlate("京A12345", "blue").toBuffer("image/png")).resize(96, 96, { fit: "fill" }).png().toBuffer();
    const result = await value(recognizePlates(new Uint8Array(squashed), DECODE, SEED));
    expect(result.detail.map((d) => d.platelicense)).toEqual(["京A12345"]);
    expect(result.detail[0]!.char_confidence).toBeUndefined();
  });
});
