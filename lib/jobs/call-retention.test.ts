import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { logger } from "@/lib/observability/logger";

import { RETENTION_FIRST_RUN_MS, RETENTION_INTERVAL_MS, startCallRetentionJob } from "./call-retention";

const START = new Date("2026-06-30T12:00:00Z");
let stop: (() => void) | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => {
  stop?.();
  stop = undefined;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("call retention job (fake clock)", () => {
  test("first purge a minute after start, then hourly, each with the clock's now and the retention", async () => {
    const purge = vi.fn(async () => ({ records: 0, rollups: 0 }));
    stop = startCallRetentionJob({ retentionDays: 90, purge });
    await vi.advanceTimersByTimeAsync(RETENTION_FIRST_RUN_MS - 1);
    expect(purge).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(purge).toHaveBeenCalledTimes(1);
    expect(purge).toHaveBeenLastCalledWith({ now: new Date(START.getTime() + RETENTION_FIRST_RUN_MS), retentionDays: 90 });
    await vi.advanceTimersByTimeAsync(3 * RETENTION_INTERVAL_MS);
    expect(purge).toHaveBeenCalledTimes(4);
    expect(purge).toHaveBeenLastCalledWith({ now: new Date(START.getTime() + 3 * RETENTION_INTERVAL_MS), retentionDays: 90 });
  });

  test("starts once per process; a run still going skips the next tick; a failure is logged, not thrown", async () => {
    let finish!: () => void;
    const purge = vi.fn(
      () => new Promise<{ records: number; rollups: number }>((resolve) => (finish = () => resolve({ records: 0, rollups: 0 }))),
    );
    stop = startCallRetentionJob({ retentionDays: 7, purge });
    expect(startCallRetentionJob({ retentionDays: 7, purge })).toBe(stop);
    await vi.advanceTimersByTimeAsync(RETENTION_INTERVAL_MS); // first run (1 min) still pending at the hour tick
    expect(purge).toHaveBeenCalledTimes(1);
    finish();
    const error = vi.spyOn(logger, "error").mockImplementation(() => {});
    purge.mockRejectedValueOnce(new Error("database is locked"));
    await vi.advanceTimersByTimeAsync(RETENTION_INTERVAL_MS);
    expect(purge).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalledWith({ err: expect.any(Error) }, "retention: purge failed");
  });

  test("stop ends it", async () => {
    const purge = vi.fn(async () => ({ records: 0, rollups: 0 }));
    startCallRetentionJob({ retentionDays: 90, purge })();
    await vi.advanceTimersByTimeAsync(2 * RETENTION_INTERVAL_MS);
    expect(purge).not.toHaveBeenCalled();
  });
});
