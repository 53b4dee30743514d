// Plate reading as a task of the OCR worker: the detector, colour candidates and crop warps walk
// every pixel, so the whole reading runs on the worker that decoded the upload, with that
// worker's own detector session (created on first use) and plate recogniser (when its model is there).
import type { DecodeOptions } from "@/lib/images/decode-image";
import type { OcrEngine } from "@/lib/ocr/engine-core";
import type { FileRead } from "@/lib/ocr/types";
import type { ReaderTask, WorkerOcr } from "@/lib/ocr/worker/file-tasks";

import { detectPlates } from "./detector/plate-detector";
import { type PlateReading, type PlateReadOptions, readPlates } from "./read-plates";
import { loadPlateRecognizer, type PlateRecognizer } from "./recognizer/plate-recognizer";

export const PLATES_TASK = "plates";

/** This worker's plate recogniser, loaded once (null: its model file is absent). */
let recognizer: Promise<PlateRecognizer | null> | null = null;

function plateRecognizer(ocr: WorkerOcr): Promise<PlateRecognizer | null> {
  recognizer ??= loadPlateRecognizer(ocr.intraOpThreads);
  return recognizer;
}

export const platesTask: ReaderTask<PlateReadOptions, PlateReading[]> = {
  run: async (image, ocr, options) =>
    readPlates(
      image,
      {
        ...ocr,
        detectPlates: (picture) => detectPlates(picture, (file) => ocr.model(file, "detection")),
        plateRecognizer: await plateRecognizer(ocr),
      },
      options,
    ),
};

/** Decodes an upload and reads its plates on a worker (the file's buffer is transferred). */
export function readPlatesFile(
  engine: OcrEngine,
  file: Uint8Array,
  decode: DecodeOptions,
  options: PlateReadOptions,
): Promise<FileRead<PlateReading[]>> {
  return engine.readFile<PlateReading[]>(file, decode, { name: PLATES_TASK, params: options });
}
