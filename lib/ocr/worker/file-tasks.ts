// The work on an uploaded file that runs on a worker thread: decoding (alpha flattening, BMP) and
// then either general text reading or a task registered by the layer above the engine (plates,
// ID cards: their pixel loops, colour candidates and crop warps), so that none of them holds the
// server's event loop. The engine runs those tasks by name and knows no document.
import { decodeImage } from "../../images/decode-image";
import type { Turn } from "../orientation/turn";
import { type GeneralOcrPipeline, toTextLines } from "../pipeline/general";
import { detectUpright } from "../pipeline/upright-text";
import type { FileRead, Quad, RecognizeCropsOptions, RecResult, RgbImage, TensorRunner, TextLine } from "../types";

/** The engine as a task sees it on the worker: that worker's own sessions, so the picture never leaves the thread. */
export interface WorkerOcr {
  recognize(image: RgbImage): Promise<TextLine[]>;
  detect(image: RgbImage): Promise<Quad[]>;
  recognizeCrops(crops: RgbImage[], opts?: RecognizeCropsOptions): Promise<RecResult[]>;
  /** The clockwise quarter turn that stands the picture upright (lib/ocr/orientation). */
  orientation(image: RgbImage, quads?: readonly Quad[]): Promise<Turn>;
  dictionary(): string[];
  /** This worker's ONNX intra-op thread count, for a reader that loads a model of its own. */
  intraOpThreads: number;
  /** A reader's own ONNX model, loaded once per worker on first use; its run time counts to `stage`. */
  model(file: string, stage: ModelStage): Promise<TensorRunner>;
}

/** The stage clock a reader's own model run is counted in. */
export type ModelStage = "detection" | "recognition";

/** Reading of a decoded upload registered in the worker's entry (lib/readers/worker-entry.ts). */
export interface ReaderTask<Params = never, Result = unknown> {
  run(image: RgbImage, ocr: WorkerOcr, params: Params): Promise<Result>;
  /** Buffers of the result to move back to the caller instead of copying them. */
  transfer?(result: Result): ArrayBuffer[];
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds tasks of every parameter and result type.
export type ReaderTasks = Readonly<Record<string, ReaderTask<any, any>>>;

export type FileTask =
  /** `split`: return the line crops (the caller shares them between idle workers) instead of reading them here. */
  { kind: "text"; split: boolean } | { kind: "reader"; name: string; params?: unknown };

/** Text lines, the line crops (`split`), or a reader task's own result, which the engine does not know. */
export type FileTaskResult = unknown;

export async function readFile(
  pipeline: GeneralOcrPipeline,
  dictionary: string[],
  readers: ReaderTasks,
  { file, maxBytes, task }: { file: Uint8Array; maxBytes: number; task: FileTask },
  own: Pick<WorkerOcr, "intraOpThreads" | "model">,
  onDecodeMs: (ms: number) => void = () => {},
): Promise<FileRead<FileTaskResult>> {
  const reader = task.kind === "reader" ? readers[task.name] : undefined;
  if (task.kind === "reader" && !reader) throw new Error(`no reader task "${task.name}" is registered on the OCR worker`);
  const decodeStart = performance.now();
  const decoded = await decodeImage(file, { maxBytes });
  onDecodeMs(performance.now() - decodeStart);
  if (!decoded.ok) return decoded;
  const image = decoded.image;
  if (task.kind === "text") {
    // Read upright: a page sent sideways or upside down reads like an upright one.
    const { quads, crops } = await detectUpright(pipeline, image);
    return { ok: true, value: task.split ? { quads, crops } : toTextLines(quads, await pipeline.recognizeCrops(crops)) };
  }
  const ocr: WorkerOcr = {
    recognize: pipeline.recognize.bind(pipeline),
    detect: pipeline.detect.bind(pipeline),
    recognizeCrops: pipeline.recognizeCrops.bind(pipeline),
    orientation: pipeline.orientation.bind(pipeline),
    dictionary: () => dictionary,
    ...own,
  };
  return { ok: true, value: await reader!.run(image, ocr, task.params as never) };
}
