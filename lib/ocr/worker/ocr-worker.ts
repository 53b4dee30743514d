/**
 * The worker thread's loop: owns one set of ONNX sessions and runs whole-image pipelines one
 * message at a time. Started by the bundle's entry (lib/readers/worker-entry.ts, bundled to
 * `.ocr-worker/ocr-worker.mjs` by scripts/build-ocr-worker.mjs), which registers the reader tasks.
 */
import fs from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

import { DirectionClassifier } from "../cls/direction-classifier";
import { TextDetector } from "../det/text-detector";
import { createOnnxRunner } from "../onnx-runner";
import { GeneralOcrPipeline, type DetectedLines } from "../pipeline/general";
import { buildDictionary } from "../rec/dictionary";
import { TextRecognizer } from "../rec/text-recognizer";
import type { FileRead, RecResult, RgbImage, TensorRunner } from "../types";
import type { WorkerInit, WorkerRequest, WorkerResponse, WorkerResult, WorkerStageTimings } from "./protocol";
import { type FileTaskResult, type ModelStage, type ReaderTasks, readFile, type WorkerOcr } from "./file-tasks";
import { lowerThreadPriority } from "./thread-priority";

/** Stage times of the job being handled (one at a time per worker), reported with its result. */
let clock: WorkerStageTimings = { decodeMs: 0, detMs: 0, recMs: 0 };

/** The stage, with its run time added to the clock's `key`. */
function timed<A extends unknown[], R>(stage: { run: (...args: A) => Promise<R> }, key: keyof WorkerStageTimings) {
  return {
    run: async (...args: A): Promise<R> => {
      const start = performance.now();
      try {
        return await stage.run(...args);
      } finally {
        clock[key] += performance.now() - start;
      }
    },
  };
}

async function createPipeline({ modelPaths, intraOpThreads }: WorkerInit, dictionary: string[]): Promise<GeneralOcrPipeline> {
  const [det, cls, rec] = await Promise.all([
    createOnnxRunner(modelPaths.det, intraOpThreads),
    createOnnxRunner(modelPaths.cls, intraOpThreads),
    createOnnxRunner(modelPaths.rec, intraOpThreads),
  ]);
  return new GeneralOcrPipeline({
    detector: timed(new TextDetector(det), "detMs"),
    classifier: timed(new DirectionClassifier(cls), "recMs"),
    recognizer: timed(new TextRecognizer(rec, dictionary), "recMs"),
  });
}

/** Readers' own models (plate detector, …): one session per file and worker, created on first use. */
function readerModels(intraOpThreads: number): Pick<WorkerOcr, "intraOpThreads" | "model"> {
  const sessions = new Map<string, Promise<TensorRunner>>();
  const clockKey: Record<ModelStage, keyof WorkerStageTimings> = { detection: "detMs", recognition: "recMs" };
  return {
    intraOpThreads,
    model(file, stage) {
      let session = sessions.get(file);
      if (!session) {
        session = createOnnxRunner(file, intraOpThreads);
        // A failed load is retried by the next call rather than cached.
        session.catch(() => sessions.delete(file));
        sessions.set(file, session);
      }
      return session.then((runner) => timed(runner, clockKey[stage]));
    },
  };
}

/** A dark bar on white: exercises every stage once so first requests don't pay for allocation. */
function warmUpImage(): RgbImage {
  const width = 320;
  const height = 64;
  const data = new Uint8Array(width * height * 3).fill(255);
  for (let y = 24; y < 40; y++) data.fill(0, (y * width + 40) * 3, (y * width + 280) * 3);
  return { width, height, data };
}

function transferables(readers: ReaderTasks, req: WorkerRequest, result: WorkerResult): ArrayBuffer[] {
  if (req.kind === "recognizeCrops") return (result as RecResult[]).flatMap((r) => (r.probs ? [r.probs.data.buffer as ArrayBuffer] : []));
  if (req.kind === "detectAndCrop") return (result as DetectedLines).crops.map((c) => c.data.buffer as ArrayBuffer);
  if (req.kind === "file") {
    const read = result as FileRead<FileTaskResult>;
    if (!read.ok) return [];
    if (req.task.kind === "reader") return readers[req.task.name]?.transfer?.(read.value) ?? [];
    if (req.task.split) return (read.value as DetectedLines).crops.map((c) => c.data.buffer as ArrayBuffer);
  }
  return [];
}

/** Runs on the worker thread until it is terminated; `readers` are the file tasks it offers besides text. */
export async function runOcrWorker(readers: ReaderTasks): Promise<void> {
  const port = parentPort!;
  const init = workerData as WorkerInit;
  lowerThreadPriority(init.nice);
  const dictionary = buildDictionary(fs.readFileSync(init.modelPaths.dict, "utf8"));
  const pipeline = await createPipeline(init, dictionary);
  await pipeline.recognize(warmUpImage());
  const models = readerModels(init.intraOpThreads);
  const handle = (req: WorkerRequest): Promise<WorkerResult> => {
    switch (req.kind) {
      case "recognize":
        return pipeline.recognize(req.image);
      case "detect":
        return pipeline.detect(req.image);
      case "detectAndCrop":
        return pipeline.detectAndCrop(req.image);
      case "recognizeCrops":
        return pipeline.recognizeCrops(req.crops, req.options);
      case "file":
        return readFile(pipeline, dictionary, readers, req, models, (ms) => (clock.decodeMs += ms));
    }
  };

  port.on("message", async (req: WorkerRequest) => {
    let response: WorkerResponse;
    clock = { decodeMs: 0, detMs: 0, recMs: 0 };
    try {
      const result = await handle(req);
      response = { type: "result", id: req.id, ok: true, result, timings: clock };
      port.postMessage(response, transferables(readers, req, result));
    } catch (err) {
      response = { type: "result", id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) };
      port.postMessage(response);
    }
  });
  port.postMessage({ type: "ready" } satisfies WorkerResponse);
}
