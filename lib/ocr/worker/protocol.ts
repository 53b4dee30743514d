import type { DetectedLines } from "../pipeline/general";
import type { FileRead, Quad, RecResult, RecognizeCropsOptions, RgbImage, TextLine } from "../types";
import type { FileTask, FileTaskResult } from "./read-file";

/** Passed as `workerData` when a worker starts. */
export interface WorkerInit {
  modelPaths: { det: string; cls: string; rec: string; dict: string };
  intraOpThreads: number;
}

export type WorkerRequest =
  | { id: number; kind: "recognize"; image: RgbImage }
  | { id: number; kind: "detect"; image: RgbImage }
  | { id: number; kind: "detectAndCrop"; image: RgbImage }
  | { id: number; kind: "recognizeCrops"; crops: RgbImage[]; options: RecognizeCropsOptions }
  /** An encoded upload (its buffer transferred), decoded and read on the worker. */
  | { id: number; kind: "file"; file: Uint8Array; maxBytes: number; task: FileTask };

export type WorkerResult = TextLine[] | Quad[] | RecResult[] | DetectedLines | FileRead<FileTaskResult>;

export type WorkerResponse =
  | { type: "ready" }
  | { type: "result"; id: number; ok: true; result: WorkerResult }
  | { type: "result"; id: number; ok: false; error: string };
