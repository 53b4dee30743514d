import "server-only";

import { type CapabilityErrorFamily, perImageError, type PerImageError } from "@/lib/capabilities/capability-error";
import type { CapabilityOutcome } from "@/lib/capabilities/endpoint";
import { type BatchImageCodes, IMAGE_CONCURRENCY, MAX_BATCH_IMAGE_BYTES } from "@/lib/capabilities/batch-body";
import { decodeBase64Payload, type DecodeFailureKind, type DecodeOptions } from "@/lib/images/decode";
import type { FileRead } from "@/lib/ocr/types";

// Shared machinery of the three batch endpoints (general OCR, ID card, plate): `{"data": [b64, ...]}`.
// Only base64 is undone here; the file is decoded and read on an OCR worker (`read`), so no
// pixel loop runs on the request thread.

export type ImageResult<T> = { ok: true; value: T } | { ok: false; code: number };

const decodeFailureCode = (kind: DecodeFailureKind | "base64", codes: BatchImageCodes): number =>
  ({ base64: codes.base64, format: codes.format, too_large: codes.tooLarge, decode: codes.decode, dimensions: codes.dimensions })[kind];

async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface BatchRun<T> {
  images: unknown[];
  family: CapabilityErrorFamily;
  codes: BatchImageCodes;
  /** Decodes the file (checks in the contract's order) and reads it; decode failures are values. */
  read: (file: Uint8Array, decode: DecodeOptions) => Promise<FileRead<T>>;
  requestId: string;
}

/**
 * Decodes and recognises every image, keeping input order. A failure is a value for that image only:
 * an unexpected error becomes the family's internal code (500001 / 5000) for that element.
 */
export async function runBatch<T>({ images, family, codes, read, requestId }: BatchRun<T>): Promise<CapabilityOutcome> {
  const results = await mapWithConcurrency(images, IMAGE_CONCURRENCY, async (item): Promise<ImageResult<T>> => {
    // A non-string item is bad base64 like any other undecodable payload.
    const file = typeof item === "string" ? decodeBase64Payload(item) : null;
    if (!file) return { ok: false, code: codes.base64 };
    try {
      const result = await read(file, { maxBytes: MAX_BATCH_IMAGE_BYTES });
      return result.ok ? result : { ok: false, code: decodeFailureCode(result.kind, codes) };
    } catch (err) {
      console.error("recognition failed", { requestId, err });
      return { ok: false, code: family.internalCode };
    }
  });
  return batchOutcome(results, family);
}

function batchOutcome<T>(results: ImageResult<T>[], family: CapabilityErrorFamily): CapabilityOutcome {
  const successCount = results.filter((r) => r.ok).length;
  const returnObj: (T | PerImageError)[] = results.map((r) => (r.ok ? r.value : perImageError(family, r.code)));
  return {
    httpStatus: 200,
    // Contract: statusCode stays 0 even when every image failed.
    body: { statusCode: 0, message: { success: successCount, fail: results.length - successCount }, returnObj },
    successCount,
    failCount: results.length - successCount,
  };
}
