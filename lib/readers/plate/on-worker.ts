// Plate reading as a task of the OCR worker: the colour candidates and crop warps walk every
// pixel, so the whole reading runs on the worker that decoded the upload.
import type { DecodeOptions } from "@/lib/images/decode-image";
import type { OcrEngine } from "@/lib/ocr/engine-core";
import type { FileRead } from "@/lib/ocr/types";
import type { ReaderTask } from "@/lib/ocr/worker/file-tasks";

import { type PlateReading, readPlates } from "./read-plates";

export const PLATES_TASK = "plates";

export const platesTask: ReaderTask<undefined, PlateReading[]> = { run: (image, ocr) => readPlates(image, ocr) };

/** Decodes an upload and reads its plates on a worker (the file's buffer is transferred). */
export function readPlatesFile(engine: OcrEngine, file: Uint8Array, decode: DecodeOptions): Promise<FileRead<PlateReading[]>> {
  return engine.readFile<PlateReading[]>(file, decode, { name: PLATES_TASK });
}
