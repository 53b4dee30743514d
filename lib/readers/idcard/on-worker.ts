// ID card reading as a task of the OCR worker: the zoomed second pass, the 民族 re-read and the
// portrait crop need the pixels, so the whole reading runs on the worker that decoded the upload.
import type { DecodeOptions } from "@/lib/images/decode-image";
import type { OcrEngine } from "@/lib/ocr/engine-core";
import type { FileRead } from "@/lib/ocr/types";
import type { ReaderTask } from "@/lib/ocr/worker/file-tasks";

import { type IdCardReading, readIdCard } from "./read-id-card";

export const ID_CARD_TASK = "idcard";

interface IdCardParams {
  withPortrait: boolean;
}

export const idCardTask: ReaderTask<IdCardParams, IdCardReading> = {
  run: (image, ocr, params) => readIdCard(image, ocr, params),
  transfer: (reading) => (reading.portrait ? [reading.portrait.data.buffer as ArrayBuffer] : []),
};

/** Decodes an upload and reads it as an ID card on a worker (the file's buffer is transferred). */
export function readIdCardFile(
  engine: OcrEngine,
  file: Uint8Array,
  decode: DecodeOptions,
  params: IdCardParams,
): Promise<FileRead<IdCardReading>> {
  return engine.readFile<IdCardReading>(file, decode, { name: ID_CARD_TASK, params });
}
