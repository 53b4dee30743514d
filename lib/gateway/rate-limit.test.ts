import { describe, expect, test } from "vitest";

import { TokenBucket, takeAppToken } from "./rate-limit";

describe("TokenBucket", () => {
  test("a full bucket serves QPS requests at once, then refuses", () => {
    const bucket = new TokenBucket(5, 0);
    for (let i = 0; i < 5; i++) expect(bucket.take(0)).toEqual({ ok: true });
    expect(bucket.take(0)).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  test("refills at QPS tokens per second", () => {
    const bucket = new TokenBucket(5, 0);
    for (let i = 0; i < 5; i++) bucket.take(0);
    expect(bucket.take(199).ok).toBe(false);
    expect(bucket.take(200).ok).toBe(true); // 1 token per 200 ms at 5 QPS
    expect(bucket.take(200).ok).toBe(false);
  });

  test("never holds more than its capacity", () => {
    const bucket = new TokenBucket(2, 0);
    const served = [bucket.take(60_000), bucket.take(60_000), bucket.take(60_000)].filter((r) => r.ok);
    expect(served).toHaveLength(2);
  });

  test("Retry-After is whole seconds, at least 1", () => {
    const bucket = new TokenBucket(1, 0);
    bucket.take(0);
    expect(bucket.take(10)).toEqual({ ok: false, retryAfterSeconds: 1 });
  });
});

describe("takeAppToken", () => {
  test("buckets are per app", () => {
    expect(takeAppToken("app-a", 1, 0).ok).toBe(true);
    expect(takeAppToken("app-a", 1, 0).ok).toBe(false);
    expect(takeAppToken("app-b", 1, 0).ok).toBe(true);
  });

  test("a changed QPS starts a new bucket", () => {
    expect(takeAppToken("app-c", 1, 0).ok).toBe(true);
    expect(takeAppToken("app-c", 1, 0).ok).toBe(false);
    expect(takeAppToken("app-c", 3, 0).ok).toBe(true);
  });
});
