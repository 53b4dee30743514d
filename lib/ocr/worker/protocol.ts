import type { DetectedLines } from "../pipeline/general";
import type { Quad, RecResult, RecognizeCropsOptions, RgbImage, TextLine } from "../types";

/** Passed as `workerData` when a worker starts. */
export interface WorkerInit {
  modelPaths: { det: string; cls: string; rec: string; dict: string };
  intraOpThreads: number;
}

export type WorkerRequest =
  | { id: number; kind: "recognize"; image: RgbImage }
  | { id: number; kind: "detect"; image: RgbImage }
  | { id: number; kind: "detectAndCrop"; image: RgbImage }
  | { id: number; kind: "recognizeCrops"; crops: RgbImage[]; options: RecognizeCropsOptions };

export type WorkerResult = TextLine[] | Quad[] | RecResult[] | DetectedLines;

export type WorkerResponse =
  | { type: "ready" }
  | { type: "result"; id: number; ok: true; result: WorkerResult }
  | { type: "result"; id: number; ok: false; error: string };
