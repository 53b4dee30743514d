import "server-only";

import { db } from "@/lib/db";
import type { CapabilityId } from "@/lib/capabilities/catalog";
import { addCallToRollups } from "@/lib/data/call-rollups";

// Quota and call records (contract §Metering and quota). One call = one image processed successfully.
// Quota is per user and capability over the packs valid now, taken from the pack that expires first.
// Calls are reserved before recognition and settled after, so concurrent requests never overdraw a
// pack: every decrement is a conditional update (`used <= total - n`) inside a transaction.

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
  /** Calls taken from each pack, earliest expiry first. */
  parts: { packId: string; calls: number }[];
}

export const reservedCalls = (reservation: Reservation) => reservation.parts.reduce((sum, part) => sum + part.calls, 0);

class ReservationConflict extends Error {}
class InsufficientQuota extends Error {}

/** Takes `calls` from the valid packs (possibly spanning several), or returns null when fewer remain. */
export async function reserveQuota(opts: { userId: string; capabilityId: CapabilityId; calls: number; now: Date }): Promise<Reservation | null> {
  try {
    return await withRetry(() =>
      db.$transaction(async (tx) => {
        const packs = await tx.quotaPack.findMany({
          where: { userId: opts.userId, capabilityId: opts.capabilityId, validFrom: { lte: opts.now }, validTo: { gt: opts.now } },
          orderBy: [{ validTo: "asc" }, { createdAt: "asc" }],
          select: { id: true, total: true, used: true },
        });
        const parts: Reservation["parts"] = [];
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
        return { parts };
      }),
    );
  } catch (err) {
    if (err instanceof InsufficientQuota) return null;
    throw err;
  }
}

export interface CallRecordInput {
  userId: string;
  appId: string;
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
}

/**
 * Ends a call: gives back the reserved calls that were not used (failed images; no refund once
 * used) and writes its record, in one transaction. Without a reservation only the record is written.
 */
export async function settleCall(opts: { record: CallRecordInput; reservation: Reservation | null }): Promise<void> {
  const reserved = opts.reservation ? reservedCalls(opts.reservation) : 0;
  const charged = Math.min(reserved, opts.record.successCount);
  const parts = [...(opts.reservation?.parts ?? [])].reverse(); // release from the latest-expiring pack first
  await withRetry(() =>
    db.$transaction(async (tx) => {
      let toRelease = reserved - charged;
      for (const part of parts) {
        if (toRelease === 0) break;
        const n = Math.min(part.calls, toRelease);
        await tx.quotaPack.updateMany({ where: { id: part.packId, used: { gte: n } }, data: { used: { decrement: n } } });
        toRelease -= n;
      }
      await addCallToRollups(tx, await tx.callRecord.create({ data: { ...opts.record, charged } }));
    }),
  );
}

const RETRY_ATTEMPTS = 8;
// P2034: write conflict / deadlock; SQLITE_BUSY: another process (e.g. the admin CLI) holds the write lock.
const RETRYABLE_CODES = new Set(["P2034", "SQLITE_BUSY"]);

function isRetryable(err: unknown): boolean {
  if (err instanceof ReservationConflict) return true;
  const code = (err as { code?: unknown; cause?: { code?: unknown } } | null)?.code ?? (err as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === "string" && RETRYABLE_CODES.has(code);
}

async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= RETRY_ATTEMPTS || !isRetryable(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}
