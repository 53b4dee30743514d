import { isPlainObject, parseJsonBody } from "@/lib/capabilities/json-body";
import { estimateImageBytes } from "@/lib/images/estimate";

// Whole-request checks shared by the batch endpoints (`{"data": [b64, ...]}`); pure, no image decoding.

export const MAX_IMAGES_PER_REQUEST = 50;
/** Contract: ≤ 10 MiB decoded per image on batch endpoints. */
export const MAX_BATCH_IMAGE_BYTES = 10 * 1024 * 1024;
/**
 * Images of one request decoded and recognised at a time (lib/capabilities/batch.ts): bounds
 * what a request holds while keeping the engine's worker pool busy.
 */
export const IMAGE_CONCURRENCY = 4;

/** Bytes a batch holds at once: its IMAGE_CONCURRENCY largest images (the others wait as base64). */
export function imageBytesInFlight(images: readonly unknown[]): number {
  const estimates = images.map(estimateImageBytes).sort((a, b) => b - a);
  return estimates.slice(0, IMAGE_CONCURRENCY).reduce((sum, bytes) => sum + bytes, 0);
}

/** Base64 text of a file of `bytes` bytes, and the JSON around the payloads (keys, quotes, commas, spaces). */
const base64Length = (bytes: number) => 4 * Math.ceil(bytes / 3);
const JSON_SLACK_BYTES = 64 * 1024;

/** Largest body an endpoint can need: `images` payloads of `imageBytes` each, in base64, plus JSON. */
export const maxBodyBytesFor = (images: number, imageBytes: number) => images * (base64Length(imageBytes) + 4) + JSON_SLACK_BYTES;

/** Whole-request codes of a batch endpoint, in the order they are checked. */
export interface BatchBodyCodes {
  empty: number;
  notJson: number;
  notObject: number;
  noData: number;
  notList: number;
  emptyList: number;
  tooMany: number;
}

export type BatchBody = { ok: true; body: Record<string, unknown>; images: unknown[] } | { ok: false; code: number };

/** The ordered whole-request checks shared by the batch endpoints. Items are checked per image later. */
export function checkBatchBody(bytes: Uint8Array, codes: BatchBodyCodes): BatchBody {
  const json = parseJsonBody(bytes);
  if (json.kind === "empty") return { ok: false, code: codes.empty };
  if (json.kind === "invalid") return { ok: false, code: codes.notJson };
  if (!isPlainObject(json.value)) return { ok: false, code: codes.notObject };
  if (!("data" in json.value)) return { ok: false, code: codes.noData };
  const data = json.value.data;
  if (!Array.isArray(data)) return { ok: false, code: codes.notList };
  if (data.length === 0) return { ok: false, code: codes.emptyList };
  if (data.length > MAX_IMAGES_PER_REQUEST) return { ok: false, code: codes.tooMany };
  return { ok: true, body: json.value, images: data };
}

/** Per-image codes of a batch endpoint. */
export interface BatchImageCodes {
  base64: number;
  format: number;
  tooLarge: number;
  decode: number;
  dimensions: number;
}

// The ID card and plate endpoints share the seed's 4-digit family. It has one code for "not JSON",
// so an empty body is 4001 too; bytes that don't decode as an image → 4009, like an unknown format.
export const FOUR_DIGIT_BODY_CODES: BatchBodyCodes = {
  empty: 4001,
  notJson: 4001,
  notObject: 4002,
  noData: 4003,
  notList: 4004,
  emptyList: 4005,
  tooMany: 4006,
};

export const FOUR_DIGIT_IMAGE_CODES: BatchImageCodes = {
  base64: 4008,
  format: 4009,
  tooLarge: 4010,
  decode: 4009,
  dimensions: 4011,
};
