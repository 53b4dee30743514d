import "server-only";

import { db } from "@/lib/db";

// Retention of call records and their rollups. Deletes go in bounded batches with a pause in
// between, so a large backlog (the first run on an old install) never holds SQLite's write lock
// for long: the gateway's call records get through between two batches.

const DAY_MS = 24 * 60 * 60 * 1000;

/** The monitoring charts show 30 China-time days, so rollups outlive a shorter record retention. */
export const MIN_ROLLUP_RETENTION_DAYS = 31;

export interface PurgeOptions {
  now: Date;
  retentionDays: number;
  batchSize?: number;
  pauseMs?: number;
}

/** Deletes call records older than the retention and rollups older than max(retention, 31 days). */
export async function purgeExpiredCalls({
  now,
  retentionDays,
  batchSize = 1000,
  pauseMs = 50,
}: PurgeOptions): Promise<{ records: number; rollups: number }> {
  const cutoff = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const recordCutoff = cutoff(retentionDays);
  const rollupCutoff = cutoff(Math.max(retentionDays, MIN_ROLLUP_RETENTION_DAYS));
  const records = await inBatches(batchSize, pauseMs, (limit) =>
    db.callRecord.deleteMany({ where: { createdAt: { lt: recordCutoff } }, limit }),
  );
  const rollups = await inBatches(batchSize, pauseMs, (limit) =>
    db.callRollup.deleteMany({ where: { hour: { lt: rollupCutoff } }, limit }),
  );
  return { records, rollups };
}

async function inBatches(batchSize: number, pauseMs: number, deleteBatch: (limit: number) => Promise<{ count: number }>): Promise<number> {
  let total = 0;
  for (;;) {
    const { count } = await deleteBatch(batchSize);
    total += count;
    if (count < batchSize) return total;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}
