import "server-only";

import { db } from "@/lib/db";
import { CAPABILITY_IDS, type CapabilityId } from "@/lib/capabilities/catalog";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UsageRange } from "@/lib/validation/usage-query";
import { LATENCY_COLUMNS, histogramPercentile } from "@/lib/data/call-rollups";

// Usage series for charts, read from the hourly rollups (lib/data/call-rollups.ts) summed per hour
// in SQL: at most one row per hour of the range, however many calls there were. Day buckets are
// sums of their 24 hours (China time is a whole number of hours from UTC and has no DST), and P95
// comes from the summed latency histograms.

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Day buckets follow China Standard Time (UTC+8) like the original console. */
const DAY_OFFSET_MS = 8 * HOUR_MS;

export const RANGE_SPECS: Record<UsageRange, { unit: "hour" | "day"; count: number }> = {
  "24h": { unit: "hour", count: 24 },
  "7d": { unit: "day", count: 7 },
  "30d": { unit: "day", count: 30 },
};

export interface UsagePoint {
  /** Bucket start, ISO string. */
  bucket: string;
  calls: number;
  success: number;
  failed: number;
  images: number;
  /** Null for a bucket without calls: a chart leaves a gap there instead of drawing 0 ms (ux.md bug 15). */
  avgMs: number | null;
  p95Ms: number | null;
  requestBytes: number;
  responseBytes: number;
}

export interface UsageSeries {
  range: UsageRange;
  unit: "hour" | "day";
  points: UsagePoint[];
  totals: Omit<UsagePoint, "bucket">;
}

/** Sums of rollup rows. `latency` holds the histogram, one count per LATENCY_COLUMNS bucket. */
export interface UsageSums {
  calls: number;
  successes: number;
  images: number;
  latencySumMs: number;
  requestBytes: number;
  responseBytes: number;
  latency: number[];
}

export function bucketStart(t: number, unit: "hour" | "day"): number {
  if (unit === "hour") return Math.floor(t / HOUR_MS) * HOUR_MS;
  return Math.floor((t + DAY_OFFSET_MS) / DAY_MS) * DAY_MS - DAY_OFFSET_MS;
}

/** The bucket starts of a range ending at `now`, oldest first. */
export function rangeBuckets(range: UsageRange, now: number): number[] {
  const { unit, count } = RANGE_SPECS[range];
  const step = unit === "hour" ? HOUR_MS : DAY_MS;
  const last = bucketStart(now, unit);
  return Array.from({ length: count }, (_, i) => last - (count - 1 - i) * step);
}

const emptySums = (): UsageSums => ({
  calls: 0,
  successes: 0,
  images: 0,
  latencySumMs: 0,
  requestBytes: 0,
  responseBytes: 0,
  latency: LATENCY_COLUMNS.map(() => 0),
});

export function addSums(into: UsageSums, s: UsageSums): UsageSums {
  into.calls += s.calls;
  into.successes += s.successes;
  into.images += s.images;
  into.latencySumMs += s.latencySumMs;
  into.requestBytes += s.requestBytes;
  into.responseBytes += s.responseBytes;
  s.latency.forEach((n, i) => (into.latency[i]! += n));
  return into;
}

export function summarize(s: UsageSums): Omit<UsagePoint, "bucket"> {
  return {
    calls: s.calls,
    success: s.successes,
    failed: s.calls - s.successes,
    images: s.images,
    avgMs: s.calls ? Math.round(s.latencySumMs / s.calls) : null,
    p95Ms: s.calls ? histogramPercentile(s.latency, 95) : null,
    requestBytes: s.requestBytes,
    responseBytes: s.responseBytes,
  };
}

/** Gap-free series: every bucket of the range appears, an idle one as 0 calls and no latency (null). */
export function fillTimeSeries(hours: { hour: Date; sums: UsageSums }[], range: UsageRange, now: number): UsagePoint[] {
  const { unit } = RANGE_SPECS[range];
  const groups = new Map<number, UsageSums>();
  for (const h of hours) {
    const key = bucketStart(h.hour.getTime(), unit);
    groups.set(key, addSums(groups.get(key) ?? emptySums(), h.sums));
  }
  return rangeBuckets(range, now).map((b) => ({ bucket: new Date(b).toISOString(), ...summarize(groups.get(b) ?? emptySums()) }));
}

const SUM_SELECT = {
  calls: true,
  successes: true,
  images: true,
  latencySumMs: true,
  requestBytes: true,
  responseBytes: true,
  ...Object.fromEntries(LATENCY_COLUMNS.map((c) => [c, true])),
} as const satisfies Prisma.CallRollupSumAggregateInputType;

type SumRow = Partial<Record<keyof typeof SUM_SELECT | (typeof LATENCY_COLUMNS)[number], number | bigint | null>>;

const toSums = (s: SumRow): UsageSums => {
  const n = (v: number | bigint | null | undefined) => Number(v ?? 0);
  return {
    calls: n(s.calls),
    successes: n(s.successes),
    images: n(s.images),
    latencySumMs: n(s.latencySumMs),
    requestBytes: n(s.requestBytes),
    responseBytes: n(s.responseBytes),
    latency: LATENCY_COLUMNS.map((c) => n(s[c])),
  };
};

/** The rollups of the range summed per hour: one row per hour that had calls. */
async function sumsPerHour(where: Prisma.CallRollupWhereInput): Promise<{ hour: Date; sums: UsageSums }[]> {
  const rows = await db.callRollup.groupBy({ by: ["hour"], where, _sum: SUM_SELECT, orderBy: { hour: "asc" } });
  return rows.map((r) => ({ hour: r.hour, sums: toSums(r._sum) }));
}

export async function getUsageSeries(opts: {
  userId: string;
  range: UsageRange;
  appId?: string;
  capabilityId?: CapabilityId;
  now?: Date;
}): Promise<UsageSeries> {
  const now = (opts.now ?? new Date()).getTime();
  const from = rangeBuckets(opts.range, now)[0]!;
  const hours = await sumsPerHour({
    userId: opts.userId,
    hour: { gte: new Date(from) },
    ...(opts.appId ? { appId: opts.appId } : {}),
    ...(opts.capabilityId ? { capabilityId: opts.capabilityId } : {}),
  });
  return {
    range: opts.range,
    unit: RANGE_SPECS[opts.range].unit,
    points: fillTimeSeries(hours, opts.range, now),
    totals: summarize(hours.reduce((acc, h) => addSums(acc, h.sums), emptySums())),
  };
}

export interface CapabilityUsage {
  capabilityId: CapabilityId;
  calls: number;
  images: number;
  avgMs: number;
}

export interface OverviewStats {
  /** Capabilities opened on at least one of the user's apps. */
  openedCapabilities: CapabilityId[];
  appCount: number;
  /** Calls per capability over the last 30 days, most first (能力调用排行榜). */
  ranking: CapabilityUsage[];
  /** Average latency over the last 30 days, ms. */
  avgMs: number;
  totalCalls30d: number;
  successRate30d: number | null;
  daily: UsagePoint[];
}

export async function getOverviewStats(opts: { userId: string; now?: Date }): Promise<OverviewStats> {
  const now = (opts.now ?? new Date()).getTime();
  const from = rangeBuckets("30d", now)[0]!;
  const where = { userId: opts.userId, hour: { gte: new Date(from) } };
  const [opened, appCount, hours, perCapability] = await Promise.all([
    db.appCapability.findMany({ where: { app: { userId: opts.userId } }, select: { capabilityId: true }, distinct: ["capabilityId"] }),
    db.app.count({ where: { userId: opts.userId } }),
    sumsPerHour(where),
    db.callRollup.groupBy({ by: ["capabilityId"], where, _sum: { calls: true, images: true, latencySumMs: true } }),
  ]);
  const ranking = CAPABILITY_IDS.map((capabilityId) => {
    const sum = toSums(perCapability.find((r) => r.capabilityId === capabilityId)?._sum ?? {});
    return { capabilityId, calls: sum.calls, images: sum.images, avgMs: summarize(sum).avgMs ?? 0 };
  }).sort((a, b) => b.calls - a.calls);
  const total = summarize(hours.reduce((acc, h) => addSums(acc, h.sums), emptySums()));
  const openedIds = new Set(opened.map((o) => o.capabilityId));
  return {
    openedCapabilities: CAPABILITY_IDS.filter((id) => openedIds.has(id)),
    appCount,
    ranking,
    avgMs: total.avgMs ?? 0,
    totalCalls30d: total.calls,
    successRate30d: total.calls ? total.success / total.calls : null,
    daily: fillTimeSeries(hours, "30d", now),
  };
}
