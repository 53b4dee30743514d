import "server-only";

import { env } from "@/lib/env";
import { purgeExpiredCalls } from "@/lib/data/call-retention";
import { logger } from "@/lib/observability/logger";

// Started once per server process from instrumentation.ts: a first purge a minute after start
// (not competing with model loading), then every hour. A run still going skips the next tick.

export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;
export const RETENTION_FIRST_RUN_MS = 60 * 1000;

interface JobOptions {
  retentionDays?: number;
  purge?: typeof purgeExpiredCalls;
}

const globalForJob = globalThis as unknown as { callRetentionJob?: { stop: () => void } };

/** Starts the job (idempotent per process); returns a stop function. */
export function startCallRetentionJob({
  retentionDays = env.CALL_RECORD_RETENTION_DAYS,
  purge = purgeExpiredCalls,
}: JobOptions = {}): () => void {
  if (globalForJob.callRetentionJob) return globalForJob.callRetentionJob.stop;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const deleted = await purge({ now: new Date(), retentionDays });
      if (deleted.records || deleted.rollups) logger.info({ ...deleted, retentionDays }, "retention: deleted old call records and rollups");
    } catch (err) {
      logger.error({ err }, "retention: purge failed");
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, RETENTION_FIRST_RUN_MS);
  const every = setInterval(run, RETENTION_INTERVAL_MS);
  first.unref();
  every.unref();
  const stop = () => {
    clearTimeout(first);
    clearInterval(every);
    globalForJob.callRetentionJob = undefined;
  };
  globalForJob.callRetentionJob = { stop };
  return stop;
}
