import { CapabilityError, type CapabilityErrorFamily } from "@/lib/capabilities/capability-error";
import { imageBytesInFlight, MAX_BATCH_IMAGE_BYTES, MAX_IMAGES_PER_REQUEST, maxBodyBytesFor } from "@/lib/capabilities/batch-body";
import type { ParseResult, ValidRequest } from "@/lib/capabilities/endpoint";

// What every endpoint's parse shares: a refused body becomes the family's error, a valid one
// carries its image count and estimated bytes for admission.

export const validRequest = (images: readonly unknown[], run: ValidRequest["run"]): ParseResult => ({
  ok: true,
  request: { imageCount: images.length, imageBytes: imageBytesInFlight(images), run },
});

export const invalidRequest = (family: CapabilityErrorFamily, code: number): ParseResult => ({
  ok: false,
  error: new CapabilityError(family, code),
});

/** 50 images of ≤ 10 MiB, in base64, plus the JSON around them. */
export const BATCH_MAX_BODY_BYTES = maxBodyBytesFor(MAX_IMAGES_PER_REQUEST, MAX_BATCH_IMAGE_BYTES);
