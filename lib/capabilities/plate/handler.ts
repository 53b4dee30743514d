import "server-only";

import { runBatch } from "@/lib/capabilities/batch";
import { FOUR_DIGIT_IMAGE_CODES } from "@/lib/capabilities/batch-body";
import type { CapabilityOutcome, RunContext } from "@/lib/capabilities/endpoint";

import { PLATE_ERRORS } from "./errors";
import { wantsCharConfidence } from "./char-confidence";
import { recognizePlates } from "./recognize";
import type { PlateRequest } from "./request";

export async function handlePlate(request: PlateRequest, { requestId, query }: RunContext): Promise<CapabilityOutcome> {
  const options = { allTypes: request.allTypes, withCharConfidence: wantsCharConfidence(query) };
  return runBatch({
    images: request.images,
    family: PLATE_ERRORS,
    codes: FOUR_DIGIT_IMAGE_CODES,
    read: (file, decode) => recognizePlates(file, decode, options),
    requestId,
  });
}
