import "server-only";

import { env } from "@/lib/env";
import { serviceBusy } from "@/lib/errors/gateway-errors";
import { InFlightBudget, type Lease } from "@/lib/gateway/in-flight-budget";

// The instance's two budgets (settings in lib/env.ts, reasoning in .env.example): request bodies
// held, and OCR work admitted. One process serves the API, so module state is per instance.

export const bodyBudget = new InFlightBudget({ units: Infinity, bytes: env.MAX_BODY_BYTES_IN_FLIGHT });

const ocrBudget = new InFlightBudget({ units: env.OCR_MAX_IMAGES_IN_FLIGHT, bytes: env.OCR_MAX_IMAGE_BYTES_IN_FLIGHT });

/** Longest Retry-After asked for: the queue's length changes quickly. */
const MAX_RETRY_SECONDS = 30;

/**
 * Admits a request's images (their count, and the bytes they will hold at once) or refuses it
 * at once with 503/50010. Retry-After is about the time the work in flight needs: roughly one
 * image per second per worker on the reference 2-core machine.
 */
export function admitOcrWork(images: number, bytes: number): Lease {
  const lease = ocrBudget.tryAcquire(images, bytes);
  if (lease) return lease;
  const backlogSeconds = ocrBudget.inUse().units / env.OCR_WORKERS;
  throw serviceBusy(Math.min(MAX_RETRY_SECONDS, backlogSeconds), "ocrBudget");
}
