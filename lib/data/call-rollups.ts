import "server-only";

import type { DbTransaction } from "@/lib/db";
import type { CallRecord, CallRollup } from "@/lib/generated/prisma/client";

// Hourly rollups of the call records (model CallRollup): what the overview and monitoring charts
// read, so their cost follows hours × apps × capabilities, never the number of calls. Each call
// record adds itself in the transaction that writes it; the upsert's increments make concurrent
// calls on the same hour row add up on SQLite and PostgreSQL alike (INSERT … ON CONFLICT DO UPDATE).

const HOUR_MS = 60 * 60 * 1000;

/** Upper bounds (ms) of the latency histogram's buckets; a last bucket takes everything above. */
export const LATENCY_BOUNDS_MS = [50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000, 30000] as const;

/** The histogram's columns, in bucket order (their SQL twins are in the migration's backfill). */
export const LATENCY_COLUMNS = [
  "latLe50",
  "latLe100",
  "latLe200",
  "latLe300",
  "latLe500",
  "latLe750",
  "latLe1000",
  "latLe1500",
  "latLe2000",
  "latLe3000",
  "latLe5000",
  "latLe10000",
  "latLe30000",
  "latOver30000",
] as const satisfies readonly (keyof CallRollup)[];

export type LatencyColumn = (typeof LATENCY_COLUMNS)[number];

/**
 * A call counts as successful when the API answered HTTP 2xx with statusCode 0 and read at least
 * one of its images: a batch whose every image failed answers 200/0 (the contract) but is a failure.
 */
export const isSuccessfulCall = (c: { httpStatus: number; statusCode: number; successCount: number; failCount: number }) =>
  c.httpStatus < 300 && c.statusCode === 0 && (c.successCount > 0 || c.failCount === 0);

export const hourStart = (t: number) => Math.floor(t / HOUR_MS) * HOUR_MS;

export function latencyColumn(latencyMs: number): LatencyColumn {
  const i = LATENCY_BOUNDS_MS.findIndex((bound) => latencyMs <= bound);
  return LATENCY_COLUMNS[i === -1 ? LATENCY_BOUNDS_MS.length : i]!;
}

/**
 * Nearest-rank percentile from histogram counts (one per LATENCY_COLUMNS bucket), interpolated
 * linearly inside its bucket like Prometheus' histogram_quantile; the open last bucket answers
 * its lower bound. 0 without calls.
 */
export function histogramPercentile(counts: readonly number[], p: number): number {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let below = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i]!;
    if (below + n >= rank) {
      const upper = LATENCY_BOUNDS_MS[i];
      const lower = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1]!;
      if (upper === undefined) return lower;
      return Math.round(lower + ((upper - lower) * (rank - below)) / n);
    }
    below += n;
  }
  return LATENCY_BOUNDS_MS.at(-1)!;
}

type RolledUp = Pick<
  CallRecord,
  | "userId"
  | "appId"
  | "capabilityId"
  | "createdAt"
  | "latencyMs"
  | "requestBytes"
  | "responseBytes"
  | "imageCount"
  | "charged"
  | "httpStatus"
  | "statusCode"
  | "successCount"
  | "failCount"
>;

/** What one rollup row adds up: calls, their outcome, bytes and the latency histogram (one count per LATENCY_COLUMNS bucket). */
export interface RollupIncrement {
  calls: number;
  successes: number;
  images: number;
  charged: number;
  latencySumMs: number;
  requestBytes: number;
  responseBytes: number;
  latency: readonly number[];
}

/** One call's increment. */
export function callIncrement(record: Omit<RolledUp, "userId" | "appId" | "capabilityId" | "createdAt">): RollupIncrement {
  const bucket = LATENCY_COLUMNS.indexOf(latencyColumn(record.latencyMs));
  return {
    calls: 1,
    successes: isSuccessfulCall(record) ? 1 : 0,
    images: record.imageCount,
    charged: record.charged,
    latencySumMs: record.latencyMs,
    requestBytes: record.requestBytes,
    responseBytes: record.responseBytes,
    latency: LATENCY_COLUMNS.map((_, i) => (i === bucket ? 1 : 0)),
  };
}

/** Adds a just-written call record to its hour's rollup; call inside the record's transaction. */
export async function addCallToRollups(tx: DbTransaction, record: RolledUp): Promise<void> {
  if (!record.userId) return; // only the gateway writes records, always with the app's owner
  await addToRollup(tx, { ...record, userId: record.userId }, callIncrement(record));
}

/** Adds `inc` to the rollup of the record's hour, app and capability (created when missing). */
export async function addToRollup(
  tx: DbTransaction,
  at: { userId: string; appId: string | null; capabilityId: string; createdAt: Date },
  inc: RollupIncrement,
): Promise<void> {
  const key = {
    userId: at.userId,
    hour: new Date(hourStart(at.createdAt.getTime())),
    appId: at.appId ?? "",
    capabilityId: at.capabilityId,
  };
  const histogram = Object.fromEntries(LATENCY_COLUMNS.map((c, i) => [c, inc.latency[i] ?? 0]).filter(([, n]) => n !== 0));
  await tx.callRollup.upsert({
    where: { userId_hour_appId_capabilityId: key },
    create: {
      ...key,
      calls: inc.calls,
      successes: inc.successes,
      images: inc.images,
      charged: inc.charged,
      latencySumMs: inc.latencySumMs,
      requestBytes: inc.requestBytes,
      responseBytes: inc.responseBytes,
      ...histogram,
    },
    update: {
      calls: { increment: inc.calls },
      successes: { increment: inc.successes },
      images: { increment: inc.images },
      charged: { increment: inc.charged },
      latencySumMs: { increment: inc.latencySumMs },
      requestBytes: { increment: inc.requestBytes },
      responseBytes: { increment: inc.responseBytes },
      ...Object.fromEntries(Object.entries(histogram).map(([c, n]) => [c, { increment: n }])),
    },
    select: { calls: true },
  });
}
