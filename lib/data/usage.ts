import "server-only";

import { db } from "@/lib/db";
import { CAPABILITY_IDS, type CapabilityId } from "@/lib/capabilities/catalog";
import type { UsageRange } from "@/lib/validation/usage-query";

// Usage series for charts. Rows in range are fetched with `select` and bucketed here rather than
// in SQL: SQLite has no date_trunc and Prisma stores DateTime there as epoch milliseconds, while
// the PostgreSQL variant stores timestamps; bucketing in TypeScript behaves the same on both.
// p95 is computed over the rows of each bucket (exact, fine for a self-hosted call volume; a
// very busy instance would switch to a percentile_cont query on PostgreSQL).

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
  avgMs: number;
  p95Ms: number;
  requestBytes: number;
  responseBytes: number;
}

export interface UsageSeries {
  range: UsageRange;
  unit: "hour" | "day";
  points: UsagePoint[];
  totals: { calls: number; success: number; failed: number; images: number; avgMs: number; p95Ms: number; requestBytes: number; responseBytes: number };
}

interface CallSample {
  createdAt: Date;
  latencyMs: number;
  requestBytes: number;
  responseBytes: number;
  imageCount: number;
  httpStatus: number;
  statusCode: number;
}

/** A call counts as successful when the API answered HTTP 2xx with statusCode 0. */
export const isSuccessfulCall = (c: { httpStatus: number; statusCode: number }) => c.httpStatus < 300 && c.statusCode === 0;

export function bucketStart(t: number, unit: "hour" | "day"): number {
  if (unit === "hour") return Math.floor(t / HOUR_MS) * HOUR_MS;
  return Math.floor((t + DAY_OFFSET_MS) / DAY_MS) * DAY_MS - DAY_OFFSET_MS;
}

/** Nearest-rank percentile of a list of numbers (0 for an empty list). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** The bucket starts of a range ending at `now`, oldest first. */
export function rangeBuckets(range: UsageRange, now: number): number[] {
  const { unit, count } = RANGE_SPECS[range];
  const step = unit === "hour" ? HOUR_MS : DAY_MS;
  const last = bucketStart(now, unit);
  return Array.from({ length: count }, (_, i) => last - (count - 1 - i) * step);
}

function summarize(samples: CallSample[]): Omit<UsagePoint, "bucket"> {
  const latencies = samples.map((s) => s.latencyMs);
  const success = samples.filter(isSuccessfulCall).length;
  return {
    calls: samples.length,
    success,
    failed: samples.length - success,
    images: samples.reduce((s, c) => s + c.imageCount, 0),
    avgMs: samples.length ? Math.round(latencies.reduce((a, b) => a + b, 0) / samples.length) : 0,
    p95Ms: percentile(latencies, 95),
    requestBytes: samples.reduce((s, c) => s + c.requestBytes, 0),
    responseBytes: samples.reduce((s, c) => s + c.responseBytes, 0),
  };
}

/** Gap-free series: every bucket of the range appears, empty ones as zeros. */
export function fillTimeSeries(samples: CallSample[], range: UsageRange, now: number): UsagePoint[] {
  const { unit } = RANGE_SPECS[range];
  const groups = new Map<number, CallSample[]>();
  for (const s of samples) {
    const key = bucketStart(s.createdAt.getTime(), unit);
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  return rangeBuckets(range, now).map((b) => ({ bucket: new Date(b).toISOString(), ...summarize(groups.get(b) ?? []) }));
}

export async function getUsageSeries(opts: { userId: string; range: UsageRange; appId?: string; capabilityId?: CapabilityId; now?: Date }): Promise<UsageSeries> {
  const now = (opts.now ?? new Date()).getTime();
  const from = rangeBuckets(opts.range, now)[0]!;
  const samples = await db.callRecord.findMany({
    where: {
      userId: opts.userId,
      createdAt: { gte: new Date(from) },
      ...(opts.appId ? { appId: opts.appId } : {}),
      ...(opts.capabilityId ? { capabilityId: opts.capabilityId } : {}),
    },
    select: { createdAt: true, latencyMs: true, requestBytes: true, responseBytes: true, imageCount: true, httpStatus: true, statusCode: true },
  });
  return { range: opts.range, unit: RANGE_SPECS[opts.range].unit, points: fillTimeSeries(samples, opts.range, now), totals: summarize(samples) };
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
  const [opened, appCount, samples] = await Promise.all([
    db.appCapability.findMany({ where: { app: { userId: opts.userId } }, select: { capabilityId: true }, distinct: ["capabilityId"] }),
    db.app.count({ where: { userId: opts.userId } }),
    db.callRecord.findMany({
      where: { userId: opts.userId, createdAt: { gte: new Date(from) } },
      select: { createdAt: true, capabilityId: true, latencyMs: true, requestBytes: true, responseBytes: true, imageCount: true, httpStatus: true, statusCode: true },
    }),
  ]);
  const ranking = CAPABILITY_IDS.map((capabilityId) => {
    const mine = samples.filter((s) => s.capabilityId === capabilityId);
    const sum = summarize(mine);
    return { capabilityId, calls: sum.calls, images: sum.images, avgMs: sum.avgMs };
  }).sort((a, b) => b.calls - a.calls);
  const total = summarize(samples);
  const openedIds = new Set(opened.map((o) => o.capabilityId));
  return {
    openedCapabilities: CAPABILITY_IDS.filter((id) => openedIds.has(id)),
    appCount,
    ranking,
    avgMs: total.avgMs,
    totalCalls30d: total.calls,
    successRate30d: total.calls ? total.success / total.calls : null,
    daily: fillTimeSeries(samples, "30d", now),
  };
}
