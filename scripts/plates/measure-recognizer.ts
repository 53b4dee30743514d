/**
 * The plate recogniser alone, in onnxruntime-node as the product runs it (1 intra-op thread):
 * exact-plate and per-character accuracy, the reliability of its confidence, and latency per
 * plate (median, p90), on the real validation crops c600-c749 (../shared/plates/ccpd-crops, when
 * present) and the held-out synthetic fixtures (tests/fixtures/plates).
 * Usage: npx tsx scripts/plates/measure-recognizer.ts
 */
import fs from "node:fs";
import path from "node:path";

import sharp from "sharp";

import { loadPlateRecognizer, type PlateRecognizer } from "@/lib/readers/plate/recognizer/plate-recognizer";
import type { RgbImage } from "../../lib/ocr/types";
import { charLength, editDistance } from "../scoring/text-metrics";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CCPD = path.resolve(ROOT, "../shared/plates/ccpd-crops");
const FIXTURES = path.join(ROOT, "tests/fixtures/plates");
const BINS = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 1.0001];

interface Sample {
  file: string;
  truth: string;
}

async function loadImage(file: string): Promise<RgbImage> {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function measure(name: string, recognizer: PlateRecognizer, samples: Sample[]): Promise<void> {
  const rows: { exact: boolean; char: number; confidence: number }[] = [];
  const times: number[] = [];
  for (const { file, truth } of samples) {
    const image = await loadImage(file);
    const start = performance.now();
    const reading = await recognizer.read(image);
    times.push(performance.now() - start);
    const char = Math.max(0, 1 - editDistance(reading.text, truth) / charLength(truth));
    rows.push({ exact: reading.text === truth, char, confidence: reading.confidence });
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  times.sort((a, b) => a - b);
  console.log(
    `${name}: n ${rows.length}, exact ${(100 * mean(rows.map((r) => Number(r.exact)))).toFixed(1)} %, per char ${(100 * mean(rows.map((r) => r.char))).toFixed(1)} %, ` +
      `latency median ${percentile(times, 0.5).toFixed(1)} ms, p90 ${percentile(times, 0.9).toFixed(1)} ms`,
  );
  for (let i = 0; i + 1 < BINS.length; i++) {
    const inBin = rows.filter((r) => r.confidence >= BINS[i]! && r.confidence < BINS[i + 1]!);
    if (inBin.length === 0) continue;
    const confidence = mean(inBin.map((r) => r.confidence));
    const accuracy = mean(inBin.map((r) => Number(r.exact)));
    console.log(
      `  confidence [${BINS[i]!.toFixed(2)}, ${Math.min(1, BINS[i + 1]!).toFixed(2)}): n ${inBin.length}, mean ${confidence.toFixed(3)}, exact ${accuracy.toFixed(3)}`,
    );
  }
}

async function main(): Promise<void> {
  const recognizer = await loadPlateRecognizer(1);
  if (!recognizer) throw new Error("models/plates/plate-rec.onnx is missing (npm run train:plates)");
  const fixtures: Record<string, { text: string; kind: string }> = JSON.parse(fs.readFileSync(path.join(FIXTURES, "labels.json"), "utf8"));
  const synthetic = Object.entries(fixtures)
    .filter(([, v]) => v.kind !== "ccpd")
    .map(([f, v]) => ({ file: path.join(FIXTURES, f), truth: v.text }));
  await measure("warm-up", recognizer, synthetic.slice(0, 3));
  if (fs.existsSync(CCPD)) {
    const labels: Record<string, { platelicense: string }> = JSON.parse(fs.readFileSync(path.join(CCPD, "labels.json"), "utf8")).images;
    const validation = Array.from({ length: 150 }, (_, i) => `c${600 + i}.jpg`).map((f) => ({
      file: path.join(CCPD, f),
      truth: labels[f]!.platelicense,
    }));
    await measure("real crops c600-c749", recognizer, validation);
  }
  await measure("synthetic fixtures (12 kinds)", recognizer, synthetic);
}

await main();
