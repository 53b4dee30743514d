import "server-only";

import { runBatch } from "@/lib/capabilities/batch";
import { FOUR_DIGIT_IMAGE_CODES } from "@/lib/capabilities/batch-body";
import type { CapabilityOutcome, RunContext } from "@/lib/capabilities/endpoint";

import { PLATE_ERRORS } from "./errors";
import { recognizePlates } from "./recognize";
import type { PlateRequest } from "./request";

export async function handlePlate(request: PlateRequest, { requestId }: RunContext): Promise<CapabilityOutcome> {
  return runBatch({ images: request.images, family: PLATE_ERRORS, codes: FOUR_DIGIT_IMAGE_CODES, read: recognizePlates, requestId });
}
