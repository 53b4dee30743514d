// Document reading as a task of the OCR worker: the text lines, then the ruled lines of the
// page (a walk over every pixel), then paragraphs and tables, all on the worker that decoded
// the upload.
import type { DecodeOptions } from "@/lib/images/decode-image";
import type { OcrEngine } from "@/lib/ocr/engine-core";
import type { FileRead, TextLine } from "@/lib/ocr/types";
import type { ReaderTask } from "@/lib/ocr/worker/file-tasks";

import { analyzeLayout, type DocumentLayout } from "./analyze";
import { findRulings } from "./rulings";

export const DOCUMENT_TASK = "document";

export interface DocumentReading extends DocumentLayout {
  lines: TextLine[];
}

export const documentTask: ReaderTask<undefined, DocumentReading> = {
  async run(image, ocr) {
    const lines = await ocr.recognize(image);
    return { lines, ...analyzeLayout(lines, (frame, rects, lineHeight) => findRulings(image, frame, rects, lineHeight)) };
  },
};

/** Decodes an upload and reads it as a document on a worker (the file's buffer is transferred). */
export function readDocumentFile(engine: OcrEngine, file: Uint8Array, decode: DecodeOptions): Promise<FileRead<DocumentReading>> {
  return engine.readFile<DocumentReading>(file, decode, { name: DOCUMENT_TASK });
}
