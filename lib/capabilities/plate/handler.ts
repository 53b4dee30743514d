import "server-only";

import { runBatch } from "@/lib/capabilities/batch";
import type { CapabilityOutcome, RunContext } from "@/lib/capabilities/endpoint";

import { PLATE_ERRORS } from "./errors";
import { recognizePlates } from "./recognize";
import { PLATE_IMAGE_CODES, type PlateRequest } from "./request";

export async function handlePlate(request: PlateRequest, { requestId }: RunContext): Promise<CapabilityOutcome> {
  return runBatch({ images: request.images, family: PLATE_ERRORS, codes: PLATE_IMAGE_CODES, recognize: recognizePlates, requestId });
}
