import { FOUR_DIGIT_BODY_CODES, checkBatchBody } from "@/lib/capabilities/batch-body";

// POST /v1/aiop/api/2gt54ed8660w/driven-plate-ocr/platelicense.json – plate body checks (seed §4.3.4 车牌).

export interface PlateRequest {
  images: unknown[];
  /**
   * Opt-in body key `"all_types": true`: every kind of plate with its own plate_type. Any other
   * value, or its absence, keeps the seed's single-row 蓝牌/黄牌/绿牌 (like the ID card's opt-ins).
   */
  allTypes: boolean;
}

export type PlateParse = { ok: true; request: PlateRequest } | { ok: false; code: number };

export function parsePlateRequest(bytes: Uint8Array): PlateParse {
  const checked = checkBatchBody(bytes, FOUR_DIGIT_BODY_CODES);
  return checked.ok ? { ok: true, request: { images: checked.images, allTypes: checked.body.all_types === true } } : checked;
}
