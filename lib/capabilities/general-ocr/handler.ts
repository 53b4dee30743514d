import "server-only";

import { runBatch } from "@/lib/capabilities/batch";
import type { CapabilityOutcome, RunContext } from "@/lib/capabilities/endpoint";
import { mapRead } from "@/lib/capabilities/file-read";
import { getOcrEngine } from "@/lib/ocr/engine";
import type { Turn } from "@/lib/ocr/orientation/turn";
import type { TextLine } from "@/lib/ocr/types";
import type { DocumentParagraph, DocumentTable } from "@/lib/readers/document/analyze";
import { type DocumentReading, readDocumentFile } from "@/lib/readers/document/on-worker";

import { type DocumentOptions, documentOptions, wantsDocument } from "./document-options";
import { GENERAL_OCR_ERRORS } from "./errors";
import { GENERAL_OCR_IMAGE_CODES, type GeneralOcrRequest } from "./request";

export interface GeneralOcrLine {
  name: string;
  text: string;
  /** x1,y1 … x4,y4: top-left, top-right, bottom-right, bottom-left. */
  box: number[];
  /** Addition to the seed's fields (contract allows additions). */
  confidence: number;
}

export interface GeneralOcrResult {
  text_line: number;
  detail: GeneralOcrLine[];
  /** Only with `?return_paragraphs=true`. */
  paragraphs?: DocumentParagraph[];
  /** Only with `?return_tables=true`. */
  tables?: DocumentTable[];
  /** Only with `?return_direction=true`: degrees the picture is turned counter-clockwise from upright. */
  direction?: Turn;
}

/** Engine lines (already in reading order) → the seed's returnObj element. */
export function toGeneralOcrResult(lines: TextLine[]): GeneralOcrResult {
  return {
    text_line: lines.length,
    detail: lines.map((line, index) => ({
      name: String(index),
      text: line.text,
      box: line.box.flat(),
      confidence: line.score,
    })),
  };
}

/** The seed's element plus the document structure the query asked for. */
export function toDocumentResult(reading: DocumentReading, options: DocumentOptions): GeneralOcrResult {
  return {
    ...toGeneralOcrResult(reading.lines),
    ...(options.paragraphs ? { paragraphs: reading.paragraphs } : {}),
    ...(options.tables ? { tables: reading.tables } : {}),
    ...(options.direction ? { direction: reading.turn } : {}),
  };
}

export async function handleGeneralOcr(request: GeneralOcrRequest, { requestId, query }: RunContext): Promise<CapabilityOutcome> {
  const engine = await getOcrEngine();
  const options = documentOptions(query);
  return runBatch({
    images: request.images,
    family: GENERAL_OCR_ERRORS,
    codes: GENERAL_OCR_IMAGE_CODES,
    read: wantsDocument(options)
      ? (file, decode) => mapRead(readDocumentFile(engine, file, decode), (reading) => toDocumentResult(reading, options))
      : (file, decode) => mapRead(engine.recognizeFile(file, decode), toGeneralOcrResult),
    requestId,
  });
}
