import "server-only";

import { type CapabilityErrorFamily, perImageError, type PerImageError } from "@/lib/capabilities/capability-error";
import type { CapabilityOutcome } from "@/lib/capabilities/endpoint";
import { type BatchImageCodes, MAX_BATCH_IMAGE_BYTES } from "@/lib/capabilities/batch-body";
import { decodeBase64Image } from "@/lib/images/decode";
import { requestLogger } from "@/lib/observability/logger";
import { trackImageInFlight } from "@/lib/observability/metrics";
import { timeStage } from "@/lib/observability/stage-times";
import type { RgbImage } from "@/lib/ocr/types";

// Shared machinery of the three batch endpoints (general OCR, ID card, plate): `{"data": [b64, ...]}`.

/**
 * Images of one request decoded at a time: bounds memory (a 5000² image is 75 MB of RGB) while
 * keeping the engine's worker pool busy.
 */
const IMAGE_CONCURRENCY = 4;

export type ImageResult<T> = { ok: true; value: T } | { ok: false; code: number };

/** Decodes one item; a non-string item is bad base64 like any other undecodable payload. */
async function decodeItem(item: unknown, codes: BatchImageCodes): Promise<ImageResult<RgbImage>> {
  if (typeof item !== "string") return { ok: false, code: codes.base64 };
  const decoded = await timeStage("decode", () => decodeBase64Image(item, { maxBytes: MAX_BATCH_IMAGE_BYTES }));
  if (decoded.ok) return { ok: true, value: decoded.image };
  const code = { base64: codes.base64, format: codes.format, too_large: codes.tooLarge, decode: codes.decode, dimensions: codes.dimensions }[decoded.kind];
  return { ok: false, code };
}

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
  recognize: (image: RgbImage) => Promise<T>;
  requestId: string;
}

/**
 * Decodes and recognises every image, keeping input order. A failure is a value for that image only:
 * an unexpected error becomes the family's internal code (500001 / 5000) for that element.
 */
export async function runBatch<T>({ images, family, codes, recognize, requestId }: BatchRun<T>): Promise<CapabilityOutcome> {
  const results = await mapWithConcurrency(images, IMAGE_CONCURRENCY, (item) =>
    trackImageInFlight(async (): Promise<ImageResult<T>> => {
      try {
        const decoded = await decodeItem(item, codes);
        if (!decoded.ok) return decoded;
        return { ok: true, value: await recognize(decoded.value) };
      } catch (err) {
        requestLogger(requestId).error({ err }, "recognition failed");
        return { ok: false, code: family.internalCode };
      }
    }),
  );
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
