import "server-only";

import { db, type DbTransaction } from "@/lib/db";
import { withDatabaseRetry } from "@/lib/db-faults";
import type { CapabilityId } from "@/lib/capabilities/catalog";
import { addCallToRollups } from "@/lib/data/call-rollups";
import { serverInstance } from "@/lib/env";

// Quota and call records (contract §Metering and quota). One call = one image processed successfully.
// Quota is per user and capability over the packs valid now, taken from the pack that expires first.
// Calls are reserved before recognition and settled after, so concurrent requests never overdraw a
// pack: every decrement is a conditional update (`used <= total - n`) inside a transaction.
// The reservation is persisted (QuotaReservation) in the transaction that takes the calls and
// removed in the one that settles them, so a request that never settles (crash, kill -9, lost
// settlement) is released with a call record later (lib/data/reservation-recovery.ts). Invariant:
// a pack's `used` = calls charged in call records + calls held by open reservations.

export type QuotaCheck = { ok: true } | { ok: false; code: 51001 | 51002 | 51003 };

/** The gateway's quota step: 51002 no pack ever, 51001 none valid now, 51003 none left. */
export async function checkQuota(opts: { userId: string; capabilityId: CapabilityId; now: Date }): Promise<QuotaCheck> {
  const packs = await db.quotaPack.findMany({
    where: { userId: opts.userId, capabilityId: opts.capabilityId },
    select: { total: true, used: true, validFrom: true, validTo: true },
  });
  if (packs.length === 0) return { ok: false, code: 51002 };
  const valid = packs.filter((p) => p.validFrom <= opts.now && p.validTo > opts.now);
  if (valid.length === 0) return { ok: false, code: 51001 };
  if (valid.every((p) => p.used >= p.total)) return { ok: false, code: 51003 };
  return { ok: true };
}

export interface Reservation {
  /** QuotaReservation id: settlement is keyed by it, so it happens once. */
  id: string;
  /** Calls taken from each pack, earliest expiry first. */
  parts: ReservationPart[];
}

export type ReservationPart = { packId: string; calls: number };

export const reservedCalls = (reservation: Pick<Reservation, "parts">) => reservation.parts.reduce((sum, part) => sum + part.calls, 0);

class ReservationConflict extends Error {}
class InsufficientQuota extends Error {}

/** A reservation waits this long for a locked database before the request answers 50010. */
const RESERVE_RETRY_WINDOW_MS = 1_000;
/** Settlement decides what the client is charged: worth waiting longer for. */
const SETTLE_RETRY_WINDOW_MS = 3_000;

/** Takes `calls` from the valid packs (possibly spanning several), or returns null when fewer remain. */
export async function reserveQuota(opts: {
  userId: string;
  appId: string;
  capabilityId: CapabilityId;
  requestId: string;
  clientIp: string;
  calls: number;
  now: Date;
}): Promise<Reservation | null> {
  try {
    return await withDatabaseRetry(
      () =>
        db.$transaction(async (tx) => {
          const packs = await tx.quotaPack.findMany({
            where: { userId: opts.userId, capabilityId: opts.capabilityId, validFrom: { lte: opts.now }, validTo: { gt: opts.now } },
            orderBy: [{ validTo: "asc" }, { createdAt: "asc" }],
            select: { id: true, total: true, used: true },
          });
          const parts: ReservationPart[] = [];
          let needed = opts.calls;
          for (const pack of packs) {
            if (needed === 0) break;
            const take = Math.min(pack.total - pack.used, needed);
            if (take <= 0) continue;
            const { count } = await tx.quotaPack.updateMany({
              where: { id: pack.id, used: { lte: pack.total - take } },
              data: { used: { increment: take } },
            });
            // Another request got there between our read and write: start over with fresh numbers.
            if (count !== 1) throw new ReservationConflict();
            parts.push({ packId: pack.id, calls: take });
            needed -= take;
          }
          if (needed > 0) throw new InsufficientQuota(); // rolls the partial takes back
          const row = await tx.quotaReservation.create({
            data: {
              userId: opts.userId,
              appId: opts.appId,
              capabilityId: opts.capabilityId,
              requestId: opts.requestId,
              clientIp: opts.clientIp,
              imageCount: opts.calls,
              parts: JSON.stringify(parts),
              instance: serverInstance,
            },
            select: { id: true },
          });
          return { id: row.id, parts };
        }),
      { windowMs: RESERVE_RETRY_WINDOW_MS, alsoRetry: (err) => err instanceof ReservationConflict },
    );
  } catch (err) {
    if (err instanceof InsufficientQuota) return null;
    throw err;
  }
}

export interface CallRecordInput {
  userId: string;
  appId: string | null;
  capabilityId: CapabilityId;
  requestId: string;
  latencyMs: number;
  requestBytes: number;
  responseBytes: number;
  imageCount: number;
  successCount: number;
  failCount: number;
  httpStatus: number;
  statusCode: number;
  clientIp: string;
  /** "" for a request's own settlement; otherwise why its reservation was released without it. */
  settlement?: string;
  /** The answer's message (when a text) and details: what failed. */
  message?: string;
  details?: string;
  /** JSON of the failed images of a batch answer (CallImageError[]), "" when none. */
  imageErrors?: string;
  /** JSON of the stage times (ms) the call reached. */
  stages?: string;
}

/** One failed image of a 200 batch answer, as the call detail shows it. */
export interface CallImageError {
  index: number;
  code: number;
  message: string;
}

/** "settled" wrote the record; "already-settled": the reservation was settled or released before (nothing done). */
export type SettleResult = "settled" | "already-settled";

type Tx = DbTransaction;

/**
 * Ends a call: gives back the reserved calls that were not used (failed images; no refund once
 * used) and writes its record, in one transaction. Without a reservation only the record is written.
 * Transient database errors are retried; the reservation row makes a retry (or a race with the
 * recovery sweeper) settle at most once.
 */
export async function settleCall(opts: {
  record: CallRecordInput;
  reservation: Reservation | null;
  retryWindowMs?: number;
}): Promise<SettleResult> {
  const reservation = opts.reservation;
  const reserved = reservation ? reservedCalls(reservation) : 0;
  const charged = Math.min(reserved, opts.record.successCount);
  return withDatabaseRetry(
    () =>
      db.$transaction(async (tx) => {
        if (reservation && !(await takeReservation(tx, reservation.id))) return "already-settled" as const;
        await releaseCalls(tx, reservation?.parts ?? [], reserved - charged);
        await addCallToRollups(
          tx,
          await tx.callRecord.create({ data: { ...opts.record, charged, reservationId: reservation?.id ?? null } }),
        );
        return "settled" as const;
      }),
    { windowMs: opts.retryWindowMs ?? SETTLE_RETRY_WINDOW_MS },
  );
}

/** Deletes the reservation row; false when another settlement or release already took it. */
export async function takeReservation(tx: Tx, reservationId: string): Promise<boolean> {
  const { count } = await tx.quotaReservation.deleteMany({ where: { id: reservationId } });
  return count === 1;
}

/** Gives `calls` back to the packs, from the latest-expiring part first. */
export async function releaseCalls(tx: Tx, parts: ReservationPart[], calls: number): Promise<void> {
  let toRelease = calls;
  for (const part of [...parts].reverse()) {
    if (toRelease === 0) break;
    const n = Math.min(part.calls, toRelease);
    await tx.quotaPack.updateMany({ where: { id: part.packId, used: { gte: n } }, data: { used: { decrement: n } } });
    toRelease -= n;
  }
}
