import { FOUR_DIGIT_BODY_CODES, checkBatchBody } from "@/lib/capabilities/batch-body";

// POST /v1/aiop/api/2f3os7qq79xc/IdentityCard/ocr/v1/idcard.json – ID card body checks (seed §4.3.2).

export interface IdCardRequest {
  images: unknown[];
  /**
   * Opt-in body key `"return_face": true` (contract: richer idcard_face/risk only on request).
   * Any other value, or its absence, keeps the seed's fixed "no face"/"normal".
   */
  returnFace: boolean;
  /** Opt-in body key `"return_warnings": true`: each result gains a `warnings` list of failed checks. */
  returnWarnings: boolean;
}

export type IdCardParse = { ok: true; request: IdCardRequest } | { ok: false; code: number };

export function parseIdCardRequest(bytes: Uint8Array): IdCardParse {
  const checked = checkBatchBody(bytes, FOUR_DIGIT_BODY_CODES);
  if (!checked.ok) return checked;
  const { body } = checked;
  return {
    ok: true,
    request: { images: checked.images, returnFace: body.return_face === true, returnWarnings: body.return_warnings === true },
  };
}
