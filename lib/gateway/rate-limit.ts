// Per-app token bucket (contract: capacity = QPS tokens, refilled at QPS per second). In memory:
// one server process holds the buckets; a restart starts every app with a full bucket.

export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly capacity: number,
    nowMs: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = nowMs;
  }

  take(nowMs: number): TakeResult {
    const refillPerMs = this.capacity / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, nowMs - this.updatedAt) * refillPerMs);
    this.updatedAt = nowMs;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    // Whole seconds, at least 1 (contract: Retry-After ≥ 1).
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / refillPerMs / 1000)) };
  }
}

// Kept on globalThis so dev-mode module reloads do not hand every app a fresh bucket.
const globalBuckets = globalThis as unknown as { eopRateBuckets?: Map<string, TokenBucket> };
const buckets = (globalBuckets.eopRateBuckets ??= new Map());

/** Takes one token from the app's bucket; a changed QPS setting starts a new bucket. */
export function takeAppToken(appId: string, qps: number, nowMs = Date.now()): TakeResult {
  const capacity = Math.max(1, qps);
  let bucket = buckets.get(appId);
  if (!bucket || bucket.capacity !== capacity) {
    bucket = new TokenBucket(capacity, nowMs);
    buckets.set(appId, bucket);
  }
  return bucket.take(nowMs);
}
