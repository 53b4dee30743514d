import { describe, expect, test } from "vitest";

import { bucketStart, fillTimeSeries, percentile, rangeBuckets } from "@/lib/data/usage";

const sample = (iso: string, latencyMs: number, ok = true) => ({
  createdAt: new Date(iso),
  latencyMs,
  requestBytes: 100,
  responseBytes: 50,
  imageCount: 1,
  httpStatus: ok ? 200 : 403,
  statusCode: ok ? 0 : 51003,
});

describe("percentile", () => {
  test.each([
    [[], 95, 0],
    [[10], 95, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 95, 19],
    [[5, 1, 3], 50, 3],
  ])("%j p%i = %i", (values, p, expected) => expect(percentile(values, p)).toBe(expected));
});

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
    const points = fillTimeSeries(
      [sample("2024-05-01T10:05:00Z", 100), sample("2024-05-01T10:10:00Z", 300, false), sample("2024-05-01T08:00:00Z", 50)],
      "24h",
      now,
    );
    expect(points).toHaveLength(24);
    const last = points.at(-1)!;
    expect(last).toMatchObject({ calls: 2, success: 1, failed: 1, avgMs: 200, p95Ms: 300, requestBytes: 200 });
    expect(points.at(-2)).toMatchObject({ calls: 0, avgMs: 0 });
    expect(points.at(-3)).toMatchObject({ calls: 1, p95Ms: 50 });
  });
});
