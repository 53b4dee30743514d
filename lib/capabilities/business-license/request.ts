import { isPlainObject, parseJsonBody } from "@/lib/capabilities/json-body";

// POST /v1/aiop/api/2k8jo3ghhjwg/businesslicense/ocr/v1/BusinessLicense.json (alias …/2z0yhhrzgv0g/tts/predict)
// – business licence body checks, in the order of the seed's table (§4.3.4 营业执照).

/** Contract: business licence images ≤ 7 MiB. */
export const MAX_BUSINESS_LICENSE_IMAGE_BYTES = 7 * 1024 * 1024;

export const BUSINESS_LICENSE_ACTION = "BusinessCardOCR";
const FIELDS = ["Action", "ImageData"] as const;

export interface BusinessLicenseRequest {
  imageData: string;
}

export type BusinessLicenseParse = { ok: true; request: BusinessLicenseRequest } | { ok: false; code: number };

export function parseBusinessLicenseRequest(bytes: Uint8Array): BusinessLicenseParse {
  const json = parseJsonBody(bytes);
  if (json.kind === "empty") return { ok: false, code: 400003 };
  if (json.kind === "invalid") return { ok: false, code: 400004 };
  const body = json.value;
  if (!isPlainObject(body)) return { ok: false, code: 400005 };
  if (!FIELDS.every((field) => field in body)) return { ok: false, code: 400006 };
  if (Object.keys(body).some((key) => !(FIELDS as readonly string[]).includes(key))) return { ok: false, code: 400007 };
  const { Action: action, ImageData: imageData } = body;
  if (typeof action !== "string" || typeof imageData !== "string") return { ok: false, code: 400008 };
  if (action !== BUSINESS_LICENSE_ACTION) return { ok: false, code: 400009 };
  if (imageData === "") return { ok: false, code: 400010 };
  return { ok: true, request: { imageData } };
}
