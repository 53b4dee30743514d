import "server-only";

import { runBatch } from "@/lib/capabilities/batch";
import { FOUR_DIGIT_IMAGE_CODES } from "@/lib/capabilities/batch-body";
import type { CapabilityOutcome, RunContext } from "@/lib/capabilities/endpoint";
import { wantsFieldBoxes } from "@/lib/capabilities/field-boxes";

import { IDCARD_ERRORS } from "./errors";
import { recognizeIdCard } from "./recognize";
import type { IdCardRequest } from "./request";

export async function handleIdCard(request: IdCardRequest, { requestId, query }: RunContext): Promise<CapabilityOutcome> {
  const withFieldBoxes = wantsFieldBoxes(query);
  return runBatch({
    images: request.images,
    family: IDCARD_ERRORS,
    codes: FOUR_DIGIT_IMAGE_CODES,
    read: (file, decode) =>
      recognizeIdCard(file, decode, { returnFace: request.returnFace, withWarnings: request.returnWarnings, withFieldBoxes }),
    requestId,
  });
}
