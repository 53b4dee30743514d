// The three structured readers end to end on rendered photos (real models, no fixtures of text lines):
// cards photographed at an angle, both licence layouts plus a non-licence, and street scenes with plates.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { createCanvas } from "@napi-rs/canvas";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { recognizeBusinessLicense } from "@/lib/capabilities/business-license/recognize";
import { recognizeIdCard } from "@/lib/capabilities/idcard/recognize";
import { recognizePlates } from "@/lib/capabilities/plate/recognize";
import { getOcrEngine } from "@/lib/ocr/engine";
import { quadIou } from "@/lib/ocr/geometry";
import type { FileRead, Quad } from "@/lib/ocr/types";
import { registerDocFonts } from "@/scripts/fixtures/documents/fonts";
import { generateDocuments } from "@/scripts/fixtures/documents/generate";
import { CARD_CASES, generateHardCases } from "@/scripts/fixtures/documents/hard-cases";
import { CARD_H, CARD_W, renderIdBack } from "@/scripts/fixtures/documents/idcard";
import { randomPerson } from "@/scripts/fixtures/documents/identities";
import { createRng } from "@/scripts/fixtures/documents/random";
import { paintTable } from "@/scripts/fixtures/documents/scene";

type Gt = { images: Record<string, Record<string, any>> };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ocr-docs-"));
generateDocuments(dir, 4); // 4 cards (2 per side), 2 licences, 4 plate scenes; same seed as `npm run eval`
const gt = (set: string): Gt => JSON.parse(fs.readFileSync(path.join(dir, set, "gt.json"), "utf8"));

const DECODE = { maxBytes: 10 << 20 };
const load = (set: string, name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(dir, set, name)));

async function value<T>(read: Promise<FileRead<T>>): Promise<T> {
  const result = await read;
  if (!result.ok) throw new Error(`file refused: ${result.kind}`);
  return result.value;
}

beforeAll(async () => {
  await getOcrEngine();
}, 180_000);

afterAll(async () => {
  await (await getOcrEngine()).close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("ID card", () => {
  test.each(Object.keys(gt("idcard").images))("%s: side and every field", async (name) => {
    const truth = gt("idcard").images[name]!;
    const result = await value(
      recognizeIdCard(load("idcard", name), DECODE, { returnFace: true, withWarnings: true, withFieldBoxes: true }),
    );
    expect(result.note).toBe(truth.side);
    expect(result.detail).toEqual(truth.fields);
    expect(result.warnings).toEqual([]);
    const filled = Object.entries(result.detail)
      .filter(([, v]) => v)
      .map(([k]) => k);
    expect(Object.keys(result.field_boxes ?? {}).sort()).toEqual(filled.sort());
    if (truth.side === "back") expect(Buffer.from(result.idcard_face, "base64").subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    else expect(result.idcard_face).toBe("no face");
  });
});

describe("ID card close-up", () => {
  /** A portrait side turned by `degrees`, its corners touching the frame's edges. */
  function closeUp(degrees: number) {
    registerDocFonts();
    const rng = createRng(11);
    const person = randomPerson(rng);
    const card = renderIdBack(person, rng);
    const a = (Math.abs(degrees) * Math.PI) / 180;
    const width = Math.ceil(CARD_W * Math.cos(a) + CARD_H * Math.sin(a));
    const height = Math.ceil(CARD_W * Math.sin(a) + CARD_H * Math.cos(a));
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext("2d");
    paintTable(ctx, width, height, rng);
    ctx.translate(width / 2, height / 2);
    ctx.rotate((degrees * Math.PI) / 180);
    ctx.drawImage(card, -CARD_W / 2, -CARD_H / 2);
    const fields = {
      name: person.name,
      sex: person.sex,
      nation: person.nation,
      birthday: person.birthday,
      idn: person.idn,
      addr: person.addrLines.join(""),
      org: "",
      validperiod: "",
    };
    return { file: new Uint8Array(canvas.toBuffer("image/png")), fields };
  }

  // The upper bound: the card fills the picture (a close-up), turned; nothing to find.
  test.each([-12, 12])("card filling the frame, turned %i°: every field", async (degrees) => {
    const { file, fields } = closeUp(degrees);
    const result = await value(recognizeIdCard(file, DECODE, { returnFace: false, withWarnings: true, withFieldBoxes: false }));
    expect(result.note).toBe("back");
    expect(result.detail).toEqual(fields);
  });
});

/** The picture turned clockwise by `degrees`, without EXIF (as a phone that ignores it sends it). */
const turned = async (file: Uint8Array, degrees: number) => new Uint8Array(await sharp(file).rotate(degrees).png().toBuffer());

/** Two readings of a picture each: generous on a busy machine. */
const TWO_READS_MS = 240_000;

/** A point of the upright picture (`width` × `height`) in the copy turned clockwise by `degrees`. */
function turnPoint([x, y]: [number, number], degrees: number, width: number, height: number): [number, number] {
  if (degrees === 90) return [height - y, x];
  if (degrees === 180) return [width - x, height - y];
  return [y, width - x];
}

const toQuad = (box: number[]): Quad => [0, 2, 4, 6].map((i) => [box[i]!, box[i + 1]!]) as Quad;

describe("turned pictures", () => {
  // Read upright first: the turned copies must give the same fields, and boxes where the same
  // text lies in the picture as sent.
  test.each([90, 180, 270])(
    "a portrait side turned %i° reads as upright, boxes in the turned picture",
    async (degrees) => {
      const name = Object.keys(gt("idcard").images).find((n) => gt("idcard").images[n]!.side === "back")!;
      const { width, height } = gt("idcard").images[name]! as { width: number; height: number };
      const opts = { returnFace: true, withWarnings: true, withFieldBoxes: true };
      const upright = await value(recognizeIdCard(load("idcard", name), DECODE, opts));
      const result = await value(recognizeIdCard(await turned(load("idcard", name), degrees), DECODE, opts));
      expect(result.note).toBe("back");
      expect(result.detail).toEqual(upright.detail);
      expect(result.idcard_face).not.toBe("no face");
      const expected = toQuad(upright.field_boxes!.idn!).map((p) => turnPoint(p, degrees, width, height)) as Quad;
      expect(quadIou(toQuad(result.field_boxes!.idn!), expected)).toBeGreaterThan(0.7);
    },
    TWO_READS_MS,
  );

  test(
    "a licence turned 90° reads as upright",
    async () => {
      const name = Object.keys(gt("license").images)[0]!;
      const upright = await value(recognizeBusinessLicense(load("license", name), DECODE));
      const result = await value(recognizeBusinessLicense(await turned(load("license", name), 90), DECODE));
      expect(result).toEqual(upright);
    },
    TWO_READS_MS,
  );
});

describe("hard photos (scripts/fixtures/documents/hard-cases.ts)", () => {
  const hardDir = path.join(dir, "hard");
  generateHardCases(hardDir, CARD_CASES.length); // one card of each case
  const hard = JSON.parse(fs.readFileSync(path.join(hardDir, "idcard", "gt.json"), "utf8")) as Gt;
  const named = (kind: string) => Object.entries(hard.images).find(([, v]) => v.meta.case === kind)!;

  test.each(["both_sides", "long_address", "glare"])(
    "%s: note and every field",
    async (kind) => {
      const [name, truth] = named(kind);
      const file = new Uint8Array(fs.readFileSync(path.join(hardDir, "idcard", name)));
      const result = await value(recognizeIdCard(file, DECODE, { returnFace: false, withWarnings: true }));
      expect(result.note).toBe(truth.side);
      expect(result.detail).toEqual(truth.fields);
    },
    TWO_READS_MS,
  );
});

describe("business licence", () => {
  test.each(Object.keys(gt("license").images))("%s: type and every field", async (name) => {
    const truth = gt("license").images[name]!;
    const result = await value(recognizeBusinessLicense(load("license", name), DECODE, { withFieldBoxes: true }));
    expect(result.license_type).toBe(truth.license_type);
    const detail: Record<string, string | undefined> = { ...result.detail };
    for (const [key, value] of Object.entries(truth.fields as Record<string, string>)) {
      expect.soft(detail[key] ?? "", key).toBe(value);
    }
    // Every field read has a box (8 numbers), none for fields not read.
    const read = Object.keys(detail).filter((key) => detail[key]);
    expect(Object.keys(result.field_boxes ?? {}).sort()).toEqual(read.sort());
    for (const box of Object.values(result.field_boxes ?? {})) expect(box).toHaveLength(8);
  });
});

describe("licence plate", () => {
  test("plates in street scenes: strings, colours and boxes", async () => {
    let expected = 0;
    let exact = 0;
    for (const [name, truth] of Object.entries(gt("plate").images)) {
      const result = await value(recognizePlates(load("plate", name), DECODE, { allTypes: false, withCharConfidence: false }));
      expect(result["number of plate licenses"]).toBe(result.detail.length);
      for (const plate of truth.plates as { platelicense: string; plate_type: string }[]) {
        expected++;
        const found = result.detail.find((d) => d.platelicense === plate.platelicense);
        if (!found) continue;
        exact++;
        expect(found.plate_type).toBe(plate.plate_type);
        expect(found.confidence).toBeGreaterThan(0);
        expect(found.confidence).toBeLessThanOrEqual(1);
        expect(found.box).toHaveLength(4);
      }
      // Nothing invented: every answer is a well-formed plate.
      for (const d of result.detail) expect(d.platelicense).toMatch(/^[\u4e00-\u9fa5][A-Z][A-HJ-NP-Z0-9]{5,6}$/);
    }
    expect(exact / expected).toBeGreaterThanOrEqual(0.75);
  });
});
