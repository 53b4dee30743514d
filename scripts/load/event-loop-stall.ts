/**
 * The longest event-loop stall while one upload is decoded and read, on the request thread (the
 * old path: decode + pixel loops in this thread, pixels copied to a worker) against on a worker
 * (engine.*File). Inputs: a 25 MP RGBA PNG, a 25 MP 1-bit BMP and a plate photo.
 *
 *   npx tsx --conditions react-server scripts/load/event-loop-stall.ts [--plate ../shared/samples/real/plate_clpdr_police.jpg]
 */
import fs from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";

import sharp from "sharp";

import { decodeImage } from "@/lib/images/decode-image";
import { createOcrEngine, type OcrEngine } from "@/lib/ocr/engine-core";
import type { RgbImage } from "@/lib/ocr/types";
import { readPlatesFile } from "@/lib/readers/plate/on-worker";
import { readPlates } from "@/lib/readers/plate/read-plates";
import { detectPlates } from "@/lib/readers/plate/detector/plate-detector";
import { createOnnxRunner } from "@/lib/ocr/onnx-runner";

const { values: args } = parseArgs({ options: { plate: { type: "string", default: "../shared/samples/real/plate_clpdr_police.jpg" } } });
const SIDE = 5000;
const DECODE = { maxBytes: 10 << 20 };

/** 25 MP of a pale gradient at partial alpha: a small file that decodes to 100 MB of RGBA. */
async function rgbaPng(): Promise<Uint8Array> {
  const rgba = Buffer.alloc(SIDE * SIDE * 4);
  for (let i = 0; i < SIDE * SIDE; i++) rgba.set([200 + (i % 50), 220, 230, 200], 4 * i);
  return new Uint8Array(
    await sharp(rgba, { raw: { width: SIDE, height: SIDE, channels: 4 } })
      .png()
      .toBuffer(),
  );
}

/** 25 MP at 1 bit per pixel: a 3 MB file within the 10 MiB limit, the cheapest 25 MP BMP to send. */
function bmp1(): Uint8Array {
  const stride = Math.ceil(SIDE / 32) * 4;
  const pixelOffset = 54 + 2 * 4;
  const file = Buffer.alloc(pixelOffset + stride * SIDE, 0x5a);
  file.write("BM", 0);
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(pixelOffset, 10);
  file.writeUInt32LE(40, 14);
  file.writeInt32LE(SIDE, 18);
  file.writeInt32LE(SIDE, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(1, 28);
  file.writeUInt32LE(0, 30);
  file.writeUInt32LE(0, 34);
  file.writeUInt32LE(2, 46);
  file.writeUInt32LE(0x00ffffff, 54); // palette: white, then black
  file.writeUInt32LE(0x00000000, 58);
  return new Uint8Array(file);
}

async function longestStallMs(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  await work();
  histogram.disable();
  return +(histogram.max / 1e6).toFixed(1);
}

/** The plate detector's sessions on this thread, as a worker keeps its own. */
const detectorSessions = new Map<string, ReturnType<typeof createOnnxRunner>>();
const loadDetector = (file: string) => {
  if (!detectorSessions.has(file)) detectorSessions.set(file, createOnnxRunner(file, 1));
  return detectorSessions.get(file)!;
};

async function onRequestThread(engine: OcrEngine, file: Uint8Array, plates: boolean) {
  const decoded = await decodeImage(file, DECODE);
  if (!decoded.ok) throw new Error(decoded.kind);
  if (!plates) return engine.recognize(decoded.image);
  const ocr = { ...engine, detectPlates: (image: RgbImage) => detectPlates(image, loadDetector), plateRecognizer: null };
  return readPlates(decoded.image, ocr, SEED_TYPES);
}

const SEED_TYPES = { allTypes: false };

const onWorker = (engine: OcrEngine, file: Uint8Array, plates: boolean) =>
  plates ? readPlatesFile(engine, new Uint8Array(file), DECODE, SEED_TYPES) : engine.recognizeFile(new Uint8Array(file), DECODE);

const engine = await createOcrEngine({ workers: 2 });
const inputs: [string, Uint8Array, boolean][] = [
  ["25 MP RGBA PNG", await rgbaPng(), false],
  ["25 MP BMP (1-bit)", bmp1(), false],
  [`plate photo ${args.plate}`, new Uint8Array(fs.readFileSync(args.plate!)), true],
];
// What the machine alone costs: the same monitor over an idle wait (a busy host deschedules the thread).
const rows: Record<string, unknown>[] = [
  { input: "idle 5 s (noise floor)", requestThreadMs: await longestStallMs(() => new Promise((r) => setTimeout(r, 5000))) },
];
for (const [name, file, plates] of inputs) {
  rows.push({
    input: name,
    fileBytes: file.length,
    requestThreadMs: await longestStallMs(() => onRequestThread(engine, file, plates)),
    workerMs: await longestStallMs(() => onWorker(engine, file, plates)),
  });
}
await engine.close();
console.table(rows);
