import { type BatchBodyCodes, type BatchImageCodes, checkBatchBody } from "@/lib/capabilities/batch-body";

// POST /v1/aiop/api/2f3os7qq79xc/IdentityCard/ocr/v1/idcard.json – ID card body checks (seed §4.3.2).

// The 4-digit family has one code for "not JSON", so an empty body is 4001 as well.
export const IDCARD_BODY_CODES: BatchBodyCodes = {
  empty: 4001,
  notJson: 4001,
  notObject: 4002,
  noData: 4003,
  notList: 4004,
  emptyList: 4005,
  tooMany: 4006,
};

// Contract: bytes that don't decode as an image → 4009, like an unknown format.
export const IDCARD_IMAGE_CODES: BatchImageCodes = {
  base64: 4008,
  format: 4009,
  tooLarge: 4010,
  decode: 4009,
  dimensions: 4011,
};

export interface IdCardRequest {
  images: unknown[];
  /**
   * Opt-in body key `"return_face": true` (contract: richer idcard_face/risk only on request).
   * Any other value, or its absence, keeps the seed's fixed "no face"/"normal".
   */
  returnFace: boolean;
}

export type IdCardParse = { ok: true; request: IdCardRequest } | { ok: false; code: number };

export function parseIdCardRequest(bytes: Uint8Array): IdCardParse {
  const checked = checkBatchBody(bytes, IDCARD_BODY_CODES);
  if (!checked.ok) return checked;
  return { ok: true, request: { images: checked.images, returnFace: checked.body.return_face === true } };
}
