import { type BatchBodyCodes, type BatchImageCodes, checkBatchBody } from "@/lib/capabilities/batch-body";

// POST /v1/aiop/api/2gt54ed8660w/driven-plate-ocr/platelicense.json – plate body checks (seed §4.3.4 车牌).

export const PLATE_BODY_CODES: BatchBodyCodes = {
  empty: 4001,
  notJson: 4001,
  notObject: 4002,
  noData: 4003,
  notList: 4004,
  emptyList: 4005,
  tooMany: 4006,
};

// Contract: bytes that don't decode as an image → 4009, like an unknown format.
export const PLATE_IMAGE_CODES: BatchImageCodes = {
  base64: 4008,
  format: 4009,
  tooLarge: 4010,
  decode: 4009,
  dimensions: 4011,
};

export interface PlateRequest {
  images: unknown[];
}

export type PlateParse = { ok: true; request: PlateRequest } | { ok: false; code: number };

export function parsePlateRequest(bytes: Uint8Array): PlateParse {
  const checked = checkBatchBody(bytes, PLATE_BODY_CODES);
  return checked.ok ? { ok: true, request: { images: checked.images } } : checked;
}
