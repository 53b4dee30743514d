// General OCR's document path end to end on generated pages (real models): a full-grid table
// with merged cells, and a two-column page sent turned a quarter, read upright by default and
// in column order with ?return_paragraphs (the worker's document task).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import sharp from "sharp";
import { afterAll, beforeAll, expect, test } from "vitest";

import { getOcrEngine } from "@/lib/ocr/engine";
import type { FileRead, Quad } from "@/lib/ocr/types";
import { readDocumentFile } from "@/lib/readers/document/on-worker";
import { generatePages, type PageTruth } from "@/scripts/fixtures/documents/pages";
import { pairLines, scoreReadingOrder, scoreTable, toQuad } from "@/scripts/scoring/layout-score";
import { scorePage, summarizeScores } from "@/scripts/scoring/score-page";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ocr-pages-"));
const truth = generatePages(dir, 1); // one page of each kind, upright
const pageOf = (kind: string) => Object.entries(truth).find(([, t]) => t.kind === kind)!;
const DECODE = { maxBytes: 10 << 20 };

async function value<T>(read: Promise<FileRead<T>>): Promise<T> {
  const result = await read;
  if (!result.ok) throw new Error(`file refused: ${result.kind}`);
  return result.value;
}

/** The page turned a quarter clockwise, and its lines' boxes in the turned picture. */
async function turned(name: string, t: PageTruth) {
  const file = new Uint8Array(await sharp(path.join(dir, name)).rotate(90).png().toBuffer());
  const lines = t.lines.map((l) => ({ text: l.text, box: toQuad(l.box).map(([x, y]) => [t.height - y, x]) as Quad }));
  return { file, lines };
}

beforeAll(async () => {
  await getOcrEngine();
}, 400_000);

afterAll(async () => {
  await (await getOcrEngine()).close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a full-grid table with merged cells comes back cell by cell", async () => {
  const [name, t] = pageOf("grid-table");
  const reading = await value(readDocumentFile(await getOcrEngine(), new Uint8Array(fs.readFileSync(path.join(dir, name))), DECODE));
  expect(reading.turn).toBe(0);
  const score = scoreTable(
    t.tables[0]!.cells,
    reading.tables.map((table) => table.cells),
  );
  expect(score.right).toBe(score.total);
}, 400_000);

test("a two-column page sent sideways: read upright by default, boxes in the picture as sent", async () => {
  const [name, t] = pageOf("two-column");
  const { file, lines } = await turned(name, t);
  const read = await value((await getOcrEngine()).recognizeFile(file, DECODE));
  expect(summarizeScores([scorePage(lines, read)]).charAccuracy).toBeGreaterThan(0.95);
}, 400_000);

test("the same page as a document: direction 270 (turned a quarter clockwise) and its paragraphs column by column", async () => {
  const [name, t] = pageOf("two-column");
  const { file, lines } = await turned(name, t);
  const reading = await value(readDocumentFile(await getOcrEngine(), file, DECODE));
  // `turn`: the clockwise quarter turns that stand it upright, the API's `direction`.
  expect(reading.turn).toBe(270);
  const pairs = pairLines(
    lines.map((l) => l.box),
    reading.lines.map((l) => l.box),
  );
  expect(pairs.size).toBeGreaterThan(0.9 * lines.length);
  expect(
    scoreReadingOrder(
      t.paragraphs,
      reading.paragraphs.map((p) => p.lines),
      pairs,
    ),
  ).toEqual({ paragraphs: true, sequence: true });
}, 400_000);
