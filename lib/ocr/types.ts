import type { DecodeFailureKind } from "../images/decode-image";

/** A point in original-image pixels (after EXIF rotation). */
export type Point = [x: number, y: number];

/** Four corners: top-left, top-right, bottom-right, bottom-left (clockwise). */
export type Quad = [Point, Point, Point, Point];

/** One recognised text line. `score` is the recognition confidence in [0, 1]. */
export interface TextLine {
  text: string;
  box: Quad;
  score: number;
}

export type { RgbImage } from "../images/rgb-image";

export interface OcrPageResult {
  width: number;
  height: number;
  lines: TextLine[];
}

/** Output of one model run: a dense float tensor. */
export interface TensorOutput {
  data: Float32Array;
  dims: readonly number[];
}

/** Runs one single-input, single-output model; stages take it so tests can inject fakes. */
export interface TensorRunner {
  run(data: Float32Array, dims: readonly number[]): Promise<TensorOutput>;
}

/** Recognition of one line crop. `probs` is the CTC posterior (steps × classes) when asked for. */
export interface RecResult {
  text: string;
  score: number;
  probs?: { data: Float32Array; steps: number; classes: number };
}

export interface RecognizeCropsOptions {
  /** Return the per-step class probabilities (for constrained decoding, e.g. plates). */
  withProbs?: boolean;
  /** Skip the 180° direction classifier (crops known to be upright). */
  skipCls?: boolean;
}

/** An uploaded file decoded and read on a worker: the value, or why the file was refused. */
export type FileRead<T> = { ok: true; value: T } | { ok: false; kind: DecodeFailureKind };
