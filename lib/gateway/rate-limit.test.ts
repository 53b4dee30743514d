import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { startRedisServer } from "@/tests/support/redis-server";

import { GatewayError } from "@/lib/errors/gateway-errors";
import { type AppRateLimiter, memoryRateLimiter, redisRateLimiter, TokenBucket } from "./rate-limit";

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

// The same behaviour from both backends.
function limiterContract(name: string, make: () => Promise<AppRateLimiter>) {
  describe(name, () => {
    test("buckets are per app", async () => {
      const limiter = await make();
      expect((await limiter.take("app-a", 1)).ok).toBe(true);
      expect(await limiter.take("app-a", 1)).toEqual({ ok: false, retryAfterSeconds: 1 });
      expect((await limiter.take("app-b", 1)).ok).toBe(true);
    });

    test("a changed QPS starts a new bucket", async () => {
      const limiter = await make();
      expect((await limiter.take("app-c", 1)).ok).toBe(true);
      expect((await limiter.take("app-c", 1)).ok).toBe(false);
      expect((await limiter.take("app-c", 3)).ok).toBe(true);
    });

    test("QPS 5: five at once, then 429 until refilled", async () => {
      const limiter = await make();
      const results = await Promise.all(Array.from({ length: 8 }, () => limiter.take("app-d", 5)));
      expect(results.filter((r) => r.ok)).toHaveLength(5);
      expect(results.filter((r) => !r.ok)).toEqual(Array(3).fill({ ok: false, retryAfterSeconds: 1 }));
    });
  });
}

limiterContract("memoryRateLimiter", async () => memoryRateLimiter(() => 0));

describe("redisRateLimiter", () => {
  let server: Awaited<ReturnType<typeof startRedisServer>>;
  let prefix = 0;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(() => server.stop());

  limiterContract("contract", async () => redisRateLimiter(await server.client(), `t${++prefix}:`));

  test("two instances (connections) share one bucket atomically", async () => {
    const a = redisRateLimiter(await server.client(), "shared:");
    const b = redisRateLimiter(await server.client(), "shared:");
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).take("app-e", 10)));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
  });

  test("refills at QPS per second by Redis time", async () => {
    const limiter = redisRateLimiter(await server.client(), "refill:");
    for (let i = 0; i < 20; i++) await limiter.take("app-f", 20);
    expect((await limiter.take("app-f", 20)).ok).toBe(false);
    await new Promise((r) => setTimeout(r, 120)); // 20 QPS: one token per 50 ms
    expect((await limiter.take("app-f", 20)).ok).toBe(true);
  });

  test("Redis unreachable: 503/50010 with Retry-After, not an internal error", async () => {
    const dead = await startRedisServer();
    const limiter = redisRateLimiter(await dead.client(), "dead:");
    await dead.stop();
    const err = await limiter.take("app-g", 5).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).code).toBe(50010);
    expect((err as GatewayError).options.headers?.["Retry-After"]).toBe("1");
  });
});
