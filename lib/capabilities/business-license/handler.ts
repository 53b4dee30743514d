import "server-only";

import { CapabilityError } from "@/lib/capabilities/capability-error";
import type { CapabilityOutcome, RunContext } from "@/lib/capabilities/endpoint";
import { wantsFieldBoxes, wantsLicenseWarnings } from "@/lib/capabilities/field-boxes";
import { decodeBase64Payload, type Base64DecodeResult } from "@/lib/images/decode";
import { trackImageInFlight } from "@/lib/observability/metrics";

import { BUSINESS_LICENSE_ERRORS } from "./errors";
import { recognizeBusinessLicense } from "./recognize";
import { type BusinessLicenseRequest, MAX_BUSINESS_LICENSE_IMAGE_BYTES } from "./request";

// One image per request, so image problems are whole-request errors (seed table 400011–400015).
const DECODE_FAILURE_CODES: Record<Extract<Base64DecodeResult, { ok: false }>["kind"], number> = {
  base64: 400011,
  format: 400012,
  too_large: 400013,
  decode: 400014,
  dimensions: 400015,
};

export function handleBusinessLicense(request: BusinessLicenseRequest, context: RunContext): Promise<CapabilityOutcome> {
  return trackImageInFlight(() => recognizeOne(request, context));
}

async function recognizeOne(request: BusinessLicenseRequest, { query }: RunContext): Promise<CapabilityOutcome> {
  const file = decodeBase64Payload(request.imageData);
  const read = file
    ? await recognizeBusinessLicense(
        file,
        { maxBytes: MAX_BUSINESS_LICENSE_IMAGE_BYTES },
        {
          withFieldBoxes: wantsFieldBoxes(query),
          withWarnings: wantsLicenseWarnings(query),
        },
      )
    : ({ ok: false, kind: "base64" } as const);
  if (!read.ok) {
    const error = new CapabilityError(BUSINESS_LICENSE_ERRORS, DECODE_FAILURE_CODES[read.kind]);
    return { httpStatus: error.httpStatus, body: error.toJSON(), successCount: 0, failCount: 1 };
  }
  const returnObj = read.value;
  return { httpStatus: 200, body: { statusCode: 0, message: "success", returnObj }, successCount: 1, failCount: 0 };
}
