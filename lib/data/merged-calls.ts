import "server-only";

import { db } from "@/lib/db";
import { addToRollup, callIncrement, hourStart, type RollupIncrement } from "@/lib/data/call-rollups";
import type { CallRecordInput } from "@/lib/data/metering";
import { logger } from "@/lib/observability/logger";

// Failed calls past the recording rate (lib/gateway/failure-recording.ts) are not written one row
// each: they are summed here in memory per (app, capability, HTTP status, code, hour) and written
// every MERGE_FLUSH_INTERVAL_MS as one call record that stands for `calls` requests, plus the
// same sums in the hourly rollup, so the charts still count every call. A flood of bad requests
// thus costs at most one write per key and interval, and at most MAX_MERGE_KEYS keys are held
// (beyond them a failure is only logged as dropped). On a crash the last interval is lost.

export const MERGE_FLUSH_INTERVAL_MS = 5_000;
export const MAX_MERGE_KEYS = 1_000;
/** The record's byte columns are 32-bit integers (the rollup's are 64-bit and get the exact sums). */
const INT_MAX = 2_147_483_647;

interface Merged {
  /** The last call's record: its request id, IP, message and details stand for the group. */
  last: CallRecordInput;
  lastAt: Date;
  sums: RollupIncrement;
  successCount: number;
  failCount: number;
}

interface MergeState {
  groups: Map<string, Merged>;
  dropped: number;
  timer?: ReturnType<typeof setInterval>;
  flushing?: Promise<number>;
}

// Kept on globalThis so dev-mode module reloads do not lose counted failures.
const globalState = globalThis as unknown as { mergedCalls?: MergeState };
const state: MergeState = (globalState.mergedCalls ??= { groups: new Map(), dropped: 0 });

const keyOf = (r: CallRecordInput, at: Date) => [r.appId, r.capabilityId, r.httpStatus, r.statusCode, hourStart(at.getTime())].join("|");

const addIncrements = (a: RollupIncrement, b: RollupIncrement): RollupIncrement => ({
  calls: a.calls + b.calls,
  successes: a.successes + b.successes,
  images: a.images + b.images,
  charged: a.charged + b.charged,
  latencySumMs: a.latencySumMs + b.latencySumMs,
  requestBytes: a.requestBytes + b.requestBytes,
  responseBytes: a.responseBytes + b.responseBytes,
  latency: a.latency.map((n, i) => n + (b.latency[i] ?? 0)),
});

/** Counts an uncharged failed call into its group; written by the next flush. */
export function mergeFailedCall(record: CallRecordInput, at = new Date()): void {
  const key = keyOf(record, at);
  const inc = callIncrement({ ...record, charged: 0 });
  const group = state.groups.get(key);
  if (group) {
    group.last = record;
    group.lastAt = at;
    group.sums = addIncrements(group.sums, inc);
    group.successCount += record.successCount;
    group.failCount += record.failCount;
  } else if (state.groups.size < MAX_MERGE_KEYS) {
    state.groups.set(key, { last: record, lastAt: at, sums: inc, successCount: record.successCount, failCount: record.failCount });
  } else {
    state.dropped++;
  }
  state.timer ??= setInterval(() => void flushMergedCalls(), MERGE_FLUSH_INTERVAL_MS).unref();
}

/** Writes every group (one record + its rollup increment, one transaction each); returns the calls written. */
export function flushMergedCalls(): Promise<number> {
  state.flushing ??= writeGroups().finally(() => (state.flushing = undefined));
  return state.flushing;
}

async function writeGroups(): Promise<number> {
  const groups = [...state.groups.values()];
  state.groups.clear();
  if (state.dropped) {
    logger.warn({ dropped: state.dropped, maxKeys: MAX_MERGE_KEYS }, "failed calls not recorded: too many distinct merge keys");
    state.dropped = 0;
  }
  let written = 0;
  for (const g of groups) {
    const { sums } = g;
    try {
      await db.$transaction(async (tx) => {
        const record = await tx.callRecord.create({
          data: {
            ...g.last,
            createdAt: g.lastAt,
            calls: sums.calls,
            latencyMs: Math.round(sums.latencySumMs / sums.calls),
            requestBytes: Math.min(sums.requestBytes, INT_MAX),
            responseBytes: Math.min(sums.responseBytes, INT_MAX),
            imageCount: sums.images,
            successCount: g.successCount,
            failCount: g.failCount,
            charged: 0,
          },
          select: { userId: true, appId: true, capabilityId: true, createdAt: true },
        });
        if (record.userId) await addToRollup(tx, { ...record, userId: record.userId }, sums);
      });
      written += sums.calls;
    } catch (err) {
      logger.error({ err, calls: sums.calls, statusCode: g.last.statusCode }, "merged failed calls could not be recorded");
    }
  }
  return written;
}
