/**
 * General OCR returns the text as printed (issue 10): spaces between Latin words and at
 * Chinese/Latin gaps, none inside Chinese, line-final punctuation, small screenshot text, and
 * segments across a wide gap as separate lines. Pages: scripts/fixtures/lib/printed-scenes.ts.
 */
import { afterAll, beforeAll, expect, test } from "vitest";

import { type OcrEngine, createOcrEngine } from "@/lib/ocr/engine";
import type { TextLine } from "@/lib/ocr/types";
import { scorePage, summarizeScores } from "@/scripts/scoring/score-page";

import { buildOcrWorker } from "../../scripts/build-ocr-worker.mjs";
import { renderPrintedFixtures } from "../../scripts/fixtures/render-text";

const fixtures = renderPrintedFixtures();
const read = new Map<string, TextLine[]>();
let engine: OcrEngine;

beforeAll(async () => {
  await buildOcrWorker();
  engine = await createOcrEngine({ workers: 2 });
  for (const f of fixtures) read.set(f.name, await engine.recognize(f.image));
}, 300_000);

afterAll(async () => {
  await engine?.close();
});

const texts = (name: string) => read.get(name)!.map((l) => l.text);

test("English lines keep their word spaces and line-final punctuation", () => {
  expect(texts("printed-english")[0]).toBe("To facilitate the shot type analysis in videos, we collect");
  expect(texts("printed-small-english")).toEqual([
    "File Edit View Help",
    "Saved 3 files to /home/user/docs.",
    "Error: disk quota exceeded (98%).",
  ]);
});

test("mixed lines: spaces where printed between Chinese and Latin, none between Chinese letters", () => {
  expect(texts("printed-small-screenshot")).toContain("WLAN 已连接到 Office-5G");
  expect(texts("printed-mixed")[1]).toBe("provider实现的，也不一定会放到CUDA EP上。");
  for (const line of fixtures.flatMap((f) => read.get(f.name)!))
    expect(line.text).not.toMatch(/[\u4e00-\u9fff] [，。：；、（）]|[，。：；、（）] /u);
});

test("a line-final 。 on 9 px text is read", () => {
  expect(texts("printed-tiny-page").find((t) => t.startsWith("配送方式"))).toMatch(/送达。$/);
});

test("segments across a wide gap stay separate lines", () => {
  expect(texts("printed-wide-gap")).toEqual(expect.arrayContaining(["商品名称", "1280.50", "Total"]));
  expect(read.get("printed-wide-gap")).toHaveLength(6);
});

test("the printed set as a whole: most lines exactly as printed", () => {
  const summary = summarizeScores(fixtures.map((f) => scorePage(f.lines, read.get(f.name)!)));
  expect(summary.charAccuracy).toBeGreaterThanOrEqual(0.97);
  expect(summary.rawCharAccuracy).toBeGreaterThanOrEqual(0.95);
  expect(summary.lineExactRate).toBeGreaterThanOrEqual(0.5);
});
