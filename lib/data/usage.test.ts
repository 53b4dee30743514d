import { describe, expect, test } from "vitest";

import { LATENCY_COLUMNS, latencyColumn } from "@/lib/data/call-rollups";
import { bucketStart, fillTimeSeries, rangeBuckets, type UsageSums } from "@/lib/data/usage";

/** One hour's rollup sums for calls of the given latencies (failed ones listed separately). */
function hour(iso: string, okLatencies: number[], failedLatencies: number[] = []) {
  const all = [...okLatencies, ...failedLatencies];
  const sums: UsageSums = {
    calls: all.length,
    successes: okLatencies.length,
    images: all.length,
    latencySumMs: all.reduce((a, b) => a + b, 0),
    requestBytes: 100 * all.length,
    responseBytes: 50 * all.length,
    latency: LATENCY_COLUMNS.map((c) => all.filter((ms) => latencyColumn(ms) === c).length),
  };
  return { hour: new Date(iso), sums };
}

describe("buckets", () => {
  test("day buckets start at midnight China time", () => {
    expect(new Date(bucketStart(Date.parse("2024-05-01T15:59:00Z"), "day")).toISOString()).toBe("2024-04-30T16:00:00.000Z");
    expect(new Date(bucketStart(Date.parse("2024-05-01T16:00:00Z"), "day")).toISOString()).toBe("2024-05-01T16:00:00.000Z");
  });
  test("ranges have a fixed number of buckets ending with now's", () => {
    const now = Date.parse("2024-05-01T10:30:00Z");
    expect(rangeBuckets("24h", now)).toHaveLength(24);
    expect(rangeBuckets("7d", now)).toHaveLength(7);
    expect(new Date(rangeBuckets("24h", now).at(-1)!).toISOString()).toBe("2024-05-01T10:00:00.000Z");
  });
});

describe("fillTimeSeries", () => {
  test("is gap-free and aggregates per bucket", () => {
    const now = Date.parse("2024-05-01T10:30:00Z");
    const points = fillTimeSeries([hour("2024-05-01T10:00:00Z", [100], [300]), hour("2024-05-01T08:00:00Z", [50])], "24h", now);
    expect(points).toHaveLength(24);
    expect(points.at(-1)).toMatchObject({ calls: 2, success: 1, failed: 1, avgMs: 200, p95Ms: 300, requestBytes: 200 });
    // An idle hour: 0 calls and no latency point (null), never a 0 ms point a line would ramp from.
    expect(points.at(-2)).toMatchObject({ calls: 0, success: 0, failed: 0, avgMs: null, p95Ms: null, requestBytes: 0 });
    expect(points.at(-3)).toMatchObject({ calls: 1, p95Ms: 50 });
  });

  test("a China-time day sums its 24 UTC hours, 16:00 UTC to 16:00 UTC", () => {
    const now = Date.parse("2024-05-02T03:00:00Z"); // 11:00 on 2 May in Shanghai
    const points = fillTimeSeries(
      [
        hour("2024-04-30T15:00:00Z", [10]),
        hour("2024-04-30T16:00:00Z", [20, 30]),
        hour("2024-05-01T15:00:00Z", [40]),
        hour("2024-05-01T16:00:00Z", [50]),
      ],
      "7d",
      now,
    );
    expect(points.map((p) => p.calls).slice(-3)).toEqual([1, 3, 1]);
    expect(points.at(-2)).toMatchObject({ bucket: "2024-04-30T16:00:00.000Z", avgMs: 30, requestBytes: 300 });
  });
});
