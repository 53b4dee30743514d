import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { type OcrEngine, createOcrEngine } from "@/lib/ocr/engine";
import { quadIou } from "@/lib/ocr/geometry/quad";
import { warpQuad } from "@/lib/ocr/geometry/warp-quad";
import type { TextLine } from "@/lib/ocr/types";
import type { JobTimings } from "@/lib/ocr/worker/protocol";
import { threadPriority } from "@/lib/ocr/worker/thread-priority";
import { normalizeText } from "@/lib/readers/layout/normalize";
import { charLength, editDistance } from "@/scripts/scoring/text-metrics";

import { buildOcrWorker } from "../../scripts/build-ocr-worker.mjs";
import { type TextFixture, renderTextFixtures } from "../../scripts/fixtures/render-text";

let engine: OcrEngine;
const fixtures: TextFixture[] = renderTextFixtures();
const jobTimings: JobTimings[] = [];

beforeAll(async () => {
  await buildOcrWorker();
  engine = await createOcrEngine({ workers: 2, onJobTimings: (t) => jobTimings.push(t) });
});

afterAll(async () => {
  await engine?.close();
});

function charAccuracy(expected: string, actual: string): number {
  const gt = normalizeText(expected);
  return 1 - editDistance(gt, normalizeText(actual)) / charLength(gt);
}

function bestMatch(lines: TextLine[], box: TextLine["box"]) {
  return lines.map((line) => ({ line, iou: quadIou(line.box, box) })).sort((a, b) => b.iou - a.iou)[0];
}

/** Nice values of this process's threads, from /proc (field 19 of each task's stat). */
function threadNiceValues(): number[] {
  return fs.readdirSync("/proc/self/task").map((tid) => {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
  });
}

test.runIf(process.platform === "linux")("OCR workers run below the event loop's priority (OCR_WORKER_NICE, default 10)", () => {
  // This thread keeps the nice value the test run started with (e.g. 0, or 5 under `nice -n 5`).
  const own = threadPriority()!;
  expect(own).toBeLessThan(10);
  expect(threadNiceValues().filter((nice) => nice === 10).length).toBeGreaterThanOrEqual(2);
});

describe("recognize() on rendered fixtures", () => {
  const results = new Map<string, TextLine[]>();

  beforeAll(async () => {
    // Submitted together: exercises the queue and both workers.
    const all = await Promise.all(fixtures.map((f) => engine.recognize(f.image)));
    fixtures.forEach((f, i) => results.set(f.name, all[i]!));
  });

  test.each(fixtures.map((f) => [f.name, f] as const))("%s: every line read at its place", (_, fixture) => {
    const lines = results.get(fixture.name)!;
    for (const gt of fixture.lines) {
      const match = bestMatch(lines, gt.box);
      expect(match?.iou ?? 0, `box of "${gt.text}"`).toBeGreaterThanOrEqual(0.5);
      expect(charAccuracy(gt.text, match!.line.text), `"${gt.text}" read as "${match!.line.text}"`).toBeGreaterThanOrEqual(0.9);
      expect(match!.line.score).toBeGreaterThan(0.5);
    }
    expect(lines.length).toBe(fixture.lines.length);
  });

  test("every job reports its queue wait and stage times", () => {
    expect(jobTimings.length).toBeGreaterThanOrEqual(fixtures.length);
    // A detectAndCrop job only detects and a recognizeCrops job only recognises; each does one.
    expect(jobTimings.every((t) => t.detMs + t.recMs > 0 && t.queueMs >= 0)).toBe(true);
    expect(jobTimings.filter((t) => t.detMs > 0).length).toBeGreaterThanOrEqual(fixtures.length);
    expect(jobTimings.some((t) => t.recMs > 0)).toBe(true);
    // More images than workers were submitted at once, so some waited in the queue.
    expect(Math.max(...jobTimings.map((t) => t.queueMs))).toBeGreaterThan(0);
  });

  test("high overall character accuracy", () => {
    let chars = 0;
    let errors = 0;
    for (const f of fixtures) {
      for (const gt of f.lines) {
        const match = bestMatch(results.get(f.name)!, gt.box);
        const text = normalizeText(gt.text);
        chars += charLength(text);
        errors += match ? editDistance(text, normalizeText(match.line.text)) : charLength(text);
      }
    }
    expect(1 - errors / chars).toBeGreaterThanOrEqual(0.98);
  });

  test("lines come in reading order", () => {
    const lines = results.get("sans-notice")!;
    expect(lines.map((l) => normalizeText(l.text).slice(0, 2))).toEqual(["社会", "富强", "北京", "联系"]);
  });

  test("upside-down page is read upright", () => {
    const texts = results.get("upside-down")!.map((l) => l.text);
    expect(texts).toContain("请将证件放平拍摄");
    expect(texts).toContain("欢迎使用文字识别服务");
  });
});

describe("other entry points", () => {
  const notice = fixtures.find((f) => f.name === "sans-notice")!;

  test("detect() returns one quad per line, in reading order", async () => {
    const quads = await engine.detect(notice.image);
    expect(quads).toHaveLength(notice.lines.length);
    quads.forEach((q, i) => expect(quadIou(q, notice.lines[i]!.box)).toBeGreaterThan(0.5));
  });

  test("recognizeCrops() reads rectified crops, optionally with CTC probabilities", async () => {
    const crops = notice.lines.map((l) => {
      const [tl, tr, , bl] = l.box;
      const pad = 6;
      const box = [
        [tl[0] - pad, tl[1] - pad],
        [tr[0] + pad, tr[1] - pad],
        [tr[0] + pad, bl[1] + pad],
        [tl[0] - pad, bl[1] + pad],
      ] as TextLine["box"];
      return warpQuad(notice.image, box, tr[0] - tl[0] + 2 * pad, bl[1] - tl[1] + 2 * pad);
    });
    const plain = await engine.recognizeCrops(crops);
    expect(plain.map((r) => normalizeText(r.text))).toEqual(notice.lines.map((l) => normalizeText(l.text)));
    expect(plain[0]!.probs).toBeUndefined();

    const [withProbs] = await engine.recognizeCrops(crops.slice(0, 1), { withProbs: true, skipCls: true });
    expect(withProbs!.probs!.classes).toBe(engine.dictionary().length);
    expect(withProbs!.probs!.data.length).toBe(withProbs!.probs!.steps * withProbs!.probs!.classes);
    expect(await engine.recognizeCrops([])).toEqual([]);
  });

  test("caller's pixels stay usable after a call", async () => {
    const image = { ...notice.image, data: notice.image.data.slice() };
    await engine.detect(image);
    expect(image.data.length).toBe(image.width * image.height * 3);
  });

  test("dictionary has the CTC blank first and 6625 classes", () => {
    const dict = engine.dictionary();
    expect(dict).toHaveLength(6625);
    expect(dict[0]).toBe("");
    expect(dict[dict.length - 1]).toBe(" ");
  });

  test("a lone request is shared between idle workers and reads as a queued one does", async () => {
    // The first of these finds the pool idle and is shared out; the second runs whole on one worker.
    const [, queued] = await Promise.all([engine.recognize(notice.image), engine.recognize(notice.image)]);
    let mostBusy = 0;
    const timer = setInterval(() => (mostBusy = Math.max(mostBusy, engine.stats().busy)), 1);
    const alone = await engine.recognize(notice.image);
    clearInterval(timer);
    expect(mostBusy).toBe(2);
    expect(alone).toEqual(queued);
  });

  test("stats() reflects the pool", () => {
    expect(engine.stats()).toEqual({ workers: 2, busy: 0, queued: 0 });
  });

  test("malformed image rejects that call only", async () => {
    await expect(engine.recognize({ width: 10, height: 10, data: new Uint8Array(5) })).rejects.toThrow(/expected/);
    expect((await engine.detect(notice.image)).length).toBe(notice.lines.length);
  });

  test("blank image gives no lines", async () => {
    const blank = { width: 200, height: 100, data: new Uint8Array(200 * 100 * 3).fill(255) };
    expect(await engine.recognize(blank)).toEqual([]);
  });
});

describe("startup errors", () => {
  test("missing model files are named", async () => {
    await expect(createOcrEngine({ modelDir: os.tmpdir() })).rejects.toThrow(/ch_PP-OCRv4_det_infer\.onnx/);
  });

  test("missing worker bundle says how to build it", async () => {
    await expect(createOcrEngine({ workerScript: path.join(os.tmpdir(), "nope.mjs") })).rejects.toThrow(/build-ocr-worker/);
  });
});

describe("process-wide engine", () => {
  test("getOcrEngine() shares one engine and reports readiness", async () => {
    const { getOcrEngine, isOcrEngineReady } = await import("@/lib/ocr/engine");
    const first = getOcrEngine({ workers: 1 });
    const second = getOcrEngine();
    expect(second).toBe(first);
    const shared = await first;
    expect(isOcrEngineReady()).toBe(true);
    expect(shared.stats().workers).toBe(1);
    await shared.close();
  });
});

describe("reading an uploaded file on a worker", () => {
  test("an RGBA PNG is decoded, flattened and read on the worker: the same lines as recognize() on the decoded picture", async () => {
    const fixture = fixtures[0]!;
    const { width, height, data } = fixture.image;
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) rgba.set([...data.subarray(3 * i, 3 * i + 3), 255], 4 * i);
    const png = new Uint8Array(
      await sharp(rgba, { raw: { width, height, channels: 4 } })
        .png()
        .toBuffer(),
    );
    const read = await engine.recognizeFile(png, { maxBytes: 10 << 20 });
    expect(read.ok).toBe(true);
    expect(read.ok && read.value.map((l) => l.text)).toEqual((await engine.recognize(fixture.image)).map((l) => l.text));
    expect(await engine.recognizeFile(new Uint8Array([1, 2, 3]), { maxBytes: 10 << 20 })).toEqual({ ok: false, kind: "format" });
  });
});
