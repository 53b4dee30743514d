import "server-only";

import { db } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/db-faults";
import type { CapabilityId } from "@/lib/capabilities/catalog";
import { releaseCalls, type ReservationPart, reservedCalls, takeReservation } from "@/lib/data/metering";
import { env, serverInstance } from "@/lib/env";
import { logger } from "@/lib/observability/logger";

// Reservations whose request will never settle them: the server died mid-request (restart), the
// request outlived RESERVATION_TIMEOUT_SECONDS (timeout), or its settlement failed because the
// database was unavailable and the client was answered 50010 (settlement-failed). Each is
// released in full with a call record saying why, in one transaction, keyed by the reservation
// id, so a late settlement of the same request does nothing (see settleCall).

export type ReleaseReason = "restart" | "timeout" | "settlement-failed";

/** What the client saw, as far as the server knows. */
const RECORDED_ANSWER: Record<ReleaseReason, { httpStatus: number; statusCode: number }> = {
  restart: { httpStatus: 500, statusCode: 50000 },
  timeout: { httpStatus: 500, statusCode: 50000 },
  "settlement-failed": { httpStatus: 503, statusCode: 50010 },
};

const SWEEP_INTERVAL_MS = 15_000;
const BATCH = 100;

const globalForSweeper = globalThis as unknown as { reservationSweeper?: NodeJS.Timeout; abandonedReservations?: Set<string> };

/**
 * Reservations whose settlement failed in this process; the next sweep releases them. On
 * globalThis: Next bundles instrumentation (the sweeper) and route handlers (the gateway)
 * separately, so a module-level set would not be the same one in both.
 */
const abandoned = (globalForSweeper.abandonedReservations ??= new Set<string>());

export function abandonReservation(reservationId: string): void {
  abandoned.add(reservationId);
}

/** Releases the given reservations; returns how many this call released. */
async function releaseReservations(
  where: { id?: { in: string[] }; instance?: string; createdAt?: { lt: Date } },
  reason: ReleaseReason,
): Promise<number> {
  let released = 0;
  for (;;) {
    const rows = await db.quotaReservation.findMany({ where, orderBy: { createdAt: "asc" }, take: BATCH });
    for (const row of rows) {
      const parts = JSON.parse(row.parts) as ReservationPart[];
      const done = await db.$transaction(async (tx) => {
        if (!(await takeReservation(tx, row.id))) return false; // settled meanwhile
        await releaseCalls(tx, parts, reservedCalls({ parts }));
        await tx.callRecord.create({
          data: {
            userId: row.userId,
            appId: row.appId,
            capabilityId: row.capabilityId as CapabilityId,
            requestId: row.requestId,
            latencyMs: Date.now() - row.createdAt.getTime(),
            requestBytes: 0,
            responseBytes: 0,
            imageCount: row.imageCount,
            successCount: 0,
            failCount: row.imageCount,
            ...RECORDED_ANSWER[reason],
            charged: 0,
            clientIp: row.clientIp,
            reservationId: row.id,
            settlement: reason,
          },
        });
        return true;
      });
      abandoned.delete(row.id);
      if (done) released++;
    }
    if (rows.length < BATCH) return released;
  }
}

/** On start: what this server (same host and port) held before it was restarted or killed. */
export function releaseReservationsOfPreviousRun(startedAt: Date): Promise<number> {
  return releaseReservations({ instance: serverInstance, createdAt: { lt: startedAt } }, "restart");
}

/** Abandoned reservations of this process, then every reservation older than the timeout. */
export async function sweepReservations(now = new Date()): Promise<{ abandoned: number; timedOut: number }> {
  const ids = [...abandoned];
  const released = ids.length ? await releaseReservations({ id: { in: ids } }, "settlement-failed") : 0;
  const timedOut = await releaseReservations(
    { createdAt: { lt: new Date(now.getTime() - env.RESERVATION_TIMEOUT_SECONDS * 1000) } },
    "timeout",
  );
  return { abandoned: released, timedOut };
}

/** Restart recovery once, then a sweep every 15 s; failures (database unavailable) wait for the next round. */
export function startReservationRecovery(): void {
  if (globalForSweeper.reservationSweeper) return;
  const startedAt = new Date();
  let recovered = false;
  const round = async () => {
    try {
      if (!recovered) {
        const n = await releaseReservationsOfPreviousRun(startedAt);
        recovered = true;
        if (n) logger.warn({ released: n }, "metering: released reservations left by the previous run");
      }
      const { abandoned: a, timedOut } = await sweepReservations();
      if (a || timedOut) logger.warn({ settlementFailed: a, timedOut }, "metering: released abandoned reservations");
    } catch (err) {
      if (!isDatabaseUnavailable(err)) logger.error({ err }, "metering: reservation sweep failed");
    }
  };
  void round();
  globalForSweeper.reservationSweeper = setInterval(() => void round(), SWEEP_INTERVAL_MS);
  globalForSweeper.reservationSweeper.unref();
}
