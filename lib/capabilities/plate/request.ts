import { FOUR_DIGIT_BODY_CODES, checkBatchBody } from "@/lib/capabilities/batch-body";

// POST /v1/aiop/api/2gt54ed8660w/driven-plate-ocr/platelicense.json – plate body checks (seed §4.3.4 车牌).

export interface PlateRequest {
  images: unknown[];
}

export type PlateParse = { ok: true; request: PlateRequest } | { ok: false; code: number };

export function parsePlateRequest(bytes: Uint8Array): PlateParse {
  const checked = checkBatchBody(bytes, FOUR_DIGIT_BODY_CODES);
  return checked.ok ? { ok: true, request: { images: checked.images } } : checked;
}
