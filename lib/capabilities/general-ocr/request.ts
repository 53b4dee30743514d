import { type BatchBodyCodes, type BatchImageCodes, checkBatchBody } from "@/lib/capabilities/batch-body";

// POST /v1/aiop/api/2f3p1pnxpqm8/ocrdetect/ocr/v1/image.json – general OCR body checks (seed §4.3.1).

export const GENERAL_OCR_BODY_CODES: BatchBodyCodes = {
  empty: 400003,
  notJson: 400004,
  notObject: 400005,
  noData: 400006,
  notList: 400008,
  emptyList: 400009,
  tooMany: 400018,
};

export const GENERAL_OCR_IMAGE_CODES: BatchImageCodes = {
  base64: 400011,
  format: 400012,
  tooLarge: 400013,
  decode: 410001,
  dimensions: 410002,
};

export interface GeneralOcrRequest {
  /** Raw `data` items; each is validated per image. */
  images: unknown[];
}

export type GeneralOcrParse = { ok: true; request: GeneralOcrRequest } | { ok: false; code: number };

export function parseGeneralOcrRequest(bytes: Uint8Array): GeneralOcrParse {
  const checked = checkBatchBody(bytes, GENERAL_OCR_BODY_CODES);
  return checked.ok ? { ok: true, request: { images: checked.images } } : checked;
}
