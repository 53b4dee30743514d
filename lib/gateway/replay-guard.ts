import "server-only";

import type { Redis } from "ioredis";

import { deleteExpiredReplayNonces, spendReplayNonce } from "@/lib/data/replay-nonces";
import { serviceBusy } from "@/lib/errors/gateway-errors";
import { redis } from "@/lib/limits/redis";
import { logger } from "@/lib/observability/logger";

// A request id may be used once per access key (contract §Request signing). One instance: spent ids
// live in the database, so a restart does not reopen replays. Several instances (REDIS_URL set):
// in Redis, one key per id that expires on its own, so every instance sees an id spent on another.

export interface ReplayGuard {
  /**
   * Spends the id; false when it was spent before. `acceptableUntil` is the last instant its
   * eop-date could still pass the date window, so the id is remembered exactly as long as needed.
   */
  spend(accessKey: string, requestId: string, acceptableUntil: number, nowMs: number): Promise<boolean>;
}

/**
 * Longest request id accepted. Clients send a UUID (36 characters); the cap keeps a key holder
 * from storing kilobytes per replay row (review I3). An empty or longer id answers 10020.
 */
export const MAX_REQUEST_ID_LENGTH = 128;

export const isUsableRequestId = (requestId: string) => requestId.length > 0 && requestId.length <= MAX_REQUEST_ID_LENGTH;

const PRUNE_INTERVAL_MS = 10 * 60_000;

export function databaseReplayGuard(): ReplayGuard {
  let prunedAt = 0;
  return {
    async spend(accessKey, requestId, acceptableUntil, nowMs) {
      if (nowMs - prunedAt >= PRUNE_INTERVAL_MS) {
        prunedAt = nowMs;
        // Housekeeping only: a failure must not fail the request that happened to trigger it.
        deleteExpiredReplayNonces({ now: new Date(nowMs) }).catch((err: unknown) => logger.error({ err }, "replay nonce pruning failed"));
      }
      return spendReplayNonce({ accessKey, requestId, expiresAt: new Date(acceptableUntil), now: new Date(nowMs) });
    },
  };
}

export function redisReplayGuard(client: Redis, keyPrefix = "eop:replay:"): ReplayGuard {
  return {
    async spend(accessKey, requestId, acceptableUntil, nowMs) {
      // SET NX is the atomic "first one wins"; PXAT lets Redis forget the id when its date expires.
      // An id whose window already closed is still spent for a second (its request fails the date check anyway).
      const expireAt = Math.max(Math.ceil(acceptableUntil), nowMs + 1000);
      try {
        return (await client.set(`${keyPrefix}${accessKey}:${requestId}`, "1", "PXAT", expireAt, "NX")) === "OK";
      } catch {
        // Without the shared record a replay cannot be ruled out: refuse for now, not 500.
        throw serviceBusy(1, "replayGuard");
      }
    },
  };
}

// Kept on globalThis so dev-mode module reloads keep the prune timer.
const globalGuard = globalThis as unknown as { eopReplayGuard?: ReplayGuard };
const guard = (globalGuard.eopReplayGuard ??= redis ? redisReplayGuard(redis) : databaseReplayGuard());

export const spendRequestId = (accessKey: string, requestId: string, acceptableUntil: number, nowMs = Date.now()): Promise<boolean> =>
  guard.spend(accessKey, requestId, acceptableUntil, nowMs);
