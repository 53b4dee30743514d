import "server-only";

import type { Redis } from "ioredis";

import { serviceBusy } from "@/lib/errors/gateway-errors";
import { redis } from "@/lib/limits/redis";

// Per-app token bucket (contract: capacity = QPS tokens, refilled at QPS per second, Retry-After
// in whole seconds ≥ 1). One instance: the buckets live in this process. Several instances
// (REDIS_URL set): one bucket per app in Redis, so the QPS limit holds over all of them.

export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface AppRateLimiter {
  /** Takes one token from the app's bucket; a changed QPS setting starts a new, full bucket. */
  take(appId: string, qps: number): Promise<TakeResult>;
}

const capacityOf = (qps: number) => Math.max(1, qps);
/** Seconds until the bucket holds one whole token again; whole seconds, at least 1. */
const retryAfter = (tokens: number, capacity: number) => Math.max(1, Math.ceil((1 - tokens) / capacity));

/** Holds `capacity` tokens, refilled at `perSecond` (the contract's QPS bucket: both = QPS). */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly capacity: number,
    nowMs: number,
    readonly perSecond: number = capacity,
  ) {
    this.tokens = capacity;
    this.updatedAt = nowMs;
  }

  take(nowMs: number): TakeResult {
    this.tokens = Math.min(this.capacity, this.tokens + (Math.max(0, nowMs - this.updatedAt) * this.perSecond) / 1000);
    this.updatedAt = nowMs;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: retryAfter(this.tokens, this.perSecond) };
  }
}

export function memoryRateLimiter(clock: () => number = Date.now): AppRateLimiter {
  const buckets = new Map<string, TokenBucket>();
  return {
    async take(appId, qps) {
      const capacity = capacityOf(qps);
      const nowMs = clock();
      let bucket = buckets.get(appId);
      if (!bucket || bucket.capacity !== capacity) {
        bucket = new TokenBucket(capacity, nowMs);
        buckets.set(appId, bucket);
      }
      return bucket.take(nowMs);
    },
  };
}

// The same bucket as TokenBucket, read-refill-take-write in one script so concurrent instances
// cannot both spend the last token. The clock is Redis TIME, so instances with skewed clocks still
// agree (Redis 5+ replicates scripts by effects, which allows TIME before writes). An idle bucket
// is full after one second, so its key may expire soon after.
const TOKEN_BUCKET_LUA = `
local capacity = tonumber(ARGV[1])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'capacity')
local tokens = capacity
if state[1] and tonumber(state[3]) == capacity then
  tokens = math.min(capacity, tonumber(state[1]) + math.max(0, now - tonumber(state[2])) * capacity / 1000)
end
local ok = 0
if tokens >= 1 then
  tokens = tokens - 1
  ok = 1
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', string.format('%.3f', now), 'capacity', capacity)
redis.call('PEXPIRE', KEYS[1], 10000)
return {ok, string.format('%.6f', tokens)}
`;

export function redisRateLimiter(client: Redis, keyPrefix = "eop:qps:"): AppRateLimiter {
  return {
    async take(appId, qps) {
      const capacity = capacityOf(qps);
      let reply: [number, string];
      try {
        reply = (await client.eval(TOKEN_BUCKET_LUA, 1, keyPrefix + appId, capacity)) as [number, string];
      } catch {
        // Without the shared bucket the limit cannot be enforced: ask the client to retry, not 500.
        throw serviceBusy(1, "rateLimiter");
      }
      return reply[0] === 1 ? { ok: true } : { ok: false, retryAfterSeconds: retryAfter(Number(reply[1]), capacity) };
    },
  };
}

// Kept on globalThis so dev-mode module reloads do not hand every app a fresh bucket.
const globalLimiter = globalThis as unknown as { eopAppRateLimiter?: AppRateLimiter };
const limiter = (globalLimiter.eopAppRateLimiter ??= redis ? redisRateLimiter(redis) : memoryRateLimiter());

export const takeAppToken = (appId: string, qps: number): Promise<TakeResult> => limiter.take(appId, qps);
