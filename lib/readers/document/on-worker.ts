// Document reading as a task of the OCR worker: the text lines read upright (lib/ocr/orientation),
// then the ruled lines of the page (a walk over every pixel), then paragraphs and tables, all on
// the worker that decoded the upload. Everything is in the pixels of the picture as sent.
import type { DecodeOptions } from "@/lib/images/decode-image";
import type { OcrEngine } from "@/lib/ocr/engine-core";
import { linesBeforeTurn, readUpright } from "@/lib/ocr/orientation/read-upright";
import type { Turn } from "@/lib/ocr/orientation/turn";
import type { FileRead, TextLine } from "@/lib/ocr/types";
import type { ReaderTask } from "@/lib/ocr/worker/file-tasks";

import { analyzeLayout, type DocumentLayout } from "./analyze";
import { findRulings } from "./rulings";

export const DOCUMENT_TASK = "document";

export interface DocumentReading extends DocumentLayout {
  lines: TextLine[];
  /** Clockwise quarter turn that stood the picture upright: how far it was turned counter-clockwise. */
  turn: Turn;
}

export const documentTask: ReaderTask<undefined, DocumentReading> = {
  async run(picture, ocr) {
    const upright = await readUpright(picture, ocr);
    const lines = linesBeforeTurn(upright.lines, upright.turn, picture.width, picture.height);
    // The layout works in the page's own frame (text direction), so the picture as sent will do.
    const layout = analyzeLayout(lines, (frame, rects, lineHeight) => findRulings(picture, frame, rects, lineHeight));
    return { lines, turn: upright.turn, ...layout };
  },
};

/** Decodes an upload and reads it as a document on a worker (the file's buffer is transferred). */
export function readDocumentFile(engine: OcrEngine, file: Uint8Array, decode: DecodeOptions): Promise<FileRead<DocumentReading>> {
  return engine.readFile<DocumentReading>(file, decode, { name: DOCUMENT_TASK });
}
