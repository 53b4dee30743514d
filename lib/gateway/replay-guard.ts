import "server-only";

import { deleteExpiredReplayNonces, spendReplayNonce } from "@/lib/data/replay-nonces";
import { logger } from "@/lib/observability/logger";

// A request id may be used once per access key (contract §Request signing).

/**
 * Longest request id accepted. Clients send a UUID (36 characters); the cap keeps a key holder
 * from storing kilobytes per replay row (review I3). An empty or longer id answers 10020.
 */
export const MAX_REQUEST_ID_LENGTH = 128;

export const isUsableRequestId = (requestId: string) => requestId.length > 0 && requestId.length <= MAX_REQUEST_ID_LENGTH;

const PRUNE_INTERVAL_MS = 10 * 60_000;
const pruneState = globalThis as unknown as { eopReplayPrunedAt?: number };

/**
 * Spends the id; false when it was spent before. `acceptableUntil` is the last instant its
 * eop-date could still pass the date window, so the id is remembered exactly as long as needed.
 */
export async function spendRequestId(accessKey: string, requestId: string, acceptableUntil: number, nowMs = Date.now()): Promise<boolean> {
  pruneOccasionally(nowMs);
  return spendReplayNonce({ accessKey, requestId, expiresAt: new Date(acceptableUntil), now: new Date(nowMs) });
}

function pruneOccasionally(nowMs: number) {
  if (nowMs - (pruneState.eopReplayPrunedAt ?? 0) < PRUNE_INTERVAL_MS) return;
  pruneState.eopReplayPrunedAt = nowMs;
  // Housekeeping only: a failure must not fail the request that happened to trigger it.
  deleteExpiredReplayNonces({ now: new Date(nowMs) }).catch((err: unknown) => logger.error({ err }, "replay nonce pruning failed"));
}
