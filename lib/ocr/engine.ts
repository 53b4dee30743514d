import "server-only";

import { env } from "@/lib/env";
import { reportOcrPoolStats } from "@/lib/observability/metrics";
import { recordStage } from "@/lib/observability/stage-times";

import { createOcrEngine, type EngineOptions, type OcrEngine } from "./engine-core";
import type { JobTimings } from "./worker/protocol";

export { createOcrEngine, type EngineOptions, type OcrEngine, type RecResult } from "./engine-core";

interface EngineHolder {
  promise: Promise<OcrEngine> | null;
  ready: boolean;
}

// Kept on globalThis so Next.js dev HMR re-evaluating this module reuses the loaded models.
const HOLDER_KEY = Symbol.for("ocr-platform.ocr-engine");
const holder: EngineHolder = ((globalThis as Record<symbol, unknown>)[HOLDER_KEY] ??= {
  promise: null,
  ready: false,
}) as EngineHolder;

/**
 * The process-wide engine: models load and warm up on the first call; later calls share it.
 * Options apply only to that first call. A failed start is not cached, so a later call retries.
 */
export function getOcrEngine(opts: EngineOptions = engineOptionsFromEnv()): Promise<OcrEngine> {
  holder.promise ??= createOcrEngine(opts).then(
    (engine) => {
      holder.ready = true;
      reportOcrPoolStats(() => engine.stats());
      return engine;
    },
    (err: unknown) => {
      holder.promise = null;
      throw err;
    },
  );
  return holder.promise;
}

export function isOcrEngineReady(): boolean {
  return holder.ready;
}

/** Deployment knobs from the environment (.env.example): model directory, workers, threads per worker. */
function engineOptionsFromEnv(): EngineOptions {
  return {
    modelDir: env.OCR_MODEL_DIR,
    workers: env.OCR_WORKERS,
    intraOpThreads: env.OCR_INTRA_OP_THREADS,
    workerNice: env.OCR_WORKER_NICE,
    onJobTimings: recordJobTimings,
  };
}

/** Each worker job's times go to the API call that is waiting for it (Server-Timing, metrics). */
function recordJobTimings({ queueMs, decodeMs, detMs, recMs }: JobTimings) {
  recordStage("queue", queueMs);
  if (decodeMs > 0) recordStage("decode", decodeMs);
  recordStage("detection", detMs);
  recordStage("recognition", recMs);
}
