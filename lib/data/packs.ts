import "server-only";

import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { PACK_VALID_DAYS, getCapabilityDef, type CapabilityId } from "@/lib/capabilities/catalog";

export interface PackDto {
  id: string;
  capabilityId: CapabilityId;
  kind: "trial" | "purchased" | "granted";
  total: number;
  used: number;
  remaining: number;
  validFrom: Date;
  validTo: Date;
  expired: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

type PackRow = { id: string; capabilityId: string; kind: string; total: number; used: number; validFrom: Date; validTo: Date };
export const toPackDto = (row: PackRow, now = new Date()): PackDto => ({
  ...row,
  capabilityId: row.capabilityId as CapabilityId,
  kind: row.kind as PackDto["kind"],
  remaining: Math.max(0, row.total - row.used),
  expired: row.validTo.getTime() <= now.getTime(),
});

export async function listPacks(opts: { userId: string; capabilityId?: CapabilityId }): Promise<PackDto[]> {
  const rows = await db.quotaPack.findMany({
    where: { userId: opts.userId, ...(opts.capabilityId ? { capabilityId: opts.capabilityId } : {}) },
    orderBy: [{ validTo: "asc" }, { createdAt: "asc" }],
  });
  const now = new Date();
  return rows.map((row) => toPackDto(row, now));
}

/** Adds a pack (operators and tests). Either `validDays` from now or an explicit `expiresAt`. */
export async function grantPack(opts: {
  userId: string;
  capabilityId: CapabilityId;
  calls: number;
  used?: number;
  validDays?: number;
  expiresAt?: Date;
  validFrom?: Date;
  kind?: PackDto["kind"];
}): Promise<PackDto> {
  if (!Number.isInteger(opts.calls) || opts.calls <= 0) throw new AppError("invalid", "calls must be a positive integer");
  const used = opts.used ?? 0;
  if (!Number.isInteger(used) || used < 0 || used > opts.calls) throw new AppError("invalid", "used must be within [0, calls]");
  const validFrom = opts.validFrom ?? new Date();
  const validTo = opts.expiresAt ?? new Date(validFrom.getTime() + (opts.validDays ?? PACK_VALID_DAYS) * DAY_MS);
  const row = await db.quotaPack.create({
    data: {
      userId: opts.userId,
      capabilityId: opts.capabilityId,
      kind: opts.kind ?? "granted",
      total: opts.calls,
      used,
      validFrom,
      validTo,
    },
  });
  return toPackDto(row);
}

/** The one-time free trial of a paid capability (10 000 calls, one year). */
export async function claimTrialPack(opts: { userId: string; capabilityId: CapabilityId }): Promise<PackDto> {
  const def = getCapabilityDef(opts.capabilityId);
  if (def.trialCalls <= 0) throw new AppError("invalid", `${def.id} has no trial`, `${def.name}为限免能力，无需领取`);
  // A trial row is unique per (user, capability) via its deterministic id, so two racing claims cannot both succeed.
  try {
    const validFrom = new Date();
    const row = await db.quotaPack.create({
      data: {
        id: `trial_${opts.userId}_${opts.capabilityId}`,
        userId: opts.userId,
        capabilityId: opts.capabilityId,
        kind: "trial",
        total: def.trialCalls,
        validFrom,
        validTo: new Date(validFrom.getTime() + PACK_VALID_DAYS * DAY_MS),
      },
    });
    return toPackDto(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", "Trial already claimed", "已领取过该能力的免费额度");
    throw err;
  }
}

// ---- console additions ----

import { CAPABILITY_IDS } from "@/lib/capabilities/catalog";

export interface QuotaSummary {
  capabilityId: CapabilityId;
  /** Calls left in packs that are valid now. */
  remaining: number;
  /** Calls in packs that are valid now. */
  total: number;
  activePacks: number;
  trialClaimed: boolean;
  /** Earliest expiry among the valid packs that still have calls. */
  nextExpiry: Date | null;
}

/** Remaining quota per capability (valid, not used-up packs), plus whether the trial was claimed. */
export async function getQuotaSummary(opts: { userId: string }): Promise<QuotaSummary[]> {
  const packs = await listPacks({ userId: opts.userId });
  return CAPABILITY_IDS.map((capabilityId) => {
    const mine = packs.filter((p) => p.capabilityId === capabilityId);
    const active = mine.filter((p) => !p.expired && p.validFrom.getTime() <= Date.now());
    const withCalls = active.filter((p) => p.remaining > 0);
    return {
      capabilityId,
      remaining: active.reduce((s, p) => s + p.remaining, 0),
      total: active.reduce((s, p) => s + p.total, 0),
      activePacks: withCalls.length,
      trialClaimed: mine.some((p) => p.kind === "trial"),
      nextExpiry: withCalls[0]?.validTo ?? null,
    };
  });
}
