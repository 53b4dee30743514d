import type { DetectedLines } from "../pipeline/general";
import type { FileRead, Quad, RecResult, RecognizeCropsOptions, RgbImage, TextLine } from "../types";
import type { FileTask, FileTaskResult } from "./file-tasks";

/** Passed as `workerData` when a worker starts. */
export interface WorkerInit {
  modelPaths: { det: string; cls: string; rec: string; dict: string };
  intraOpThreads: number;
  /** Nice value the worker thread lowers itself to before loading models (0: unchanged). */
  nice: number;
}

export type WorkerRequest =
  | { id: number; kind: "recognize"; image: RgbImage }
  | { id: number; kind: "detect"; image: RgbImage }
  | { id: number; kind: "detectAndCrop"; image: RgbImage }
  | { id: number; kind: "recognizeCrops"; crops: RgbImage[]; options: RecognizeCropsOptions }
  /** An encoded upload (its buffer transferred), decoded and read on the worker. */
  | { id: number; kind: "file"; file: Uint8Array; maxBytes: number; task: FileTask };

export type WorkerResult = TextLine[] | Quad[] | RecResult[] | DetectedLines | FileRead<FileTaskResult>;

/** Milliseconds one job spent decoding an upload, in detection, and in direction classification + recognition. */
export interface WorkerStageTimings {
  decodeMs: number;
  detMs: number;
  recMs: number;
}

/** A job's stage times as the caller sees them: the worker's plus its wait in the pool's queue. */
export interface JobTimings extends WorkerStageTimings {
  queueMs: number;
}

export type WorkerResponse =
  | { type: "ready" }
  | { type: "result"; id: number; ok: true; result: WorkerResult; timings: WorkerStageTimings }
  | { type: "result"; id: number; ok: false; error: string };
