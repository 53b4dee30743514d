import "server-only";

import type { RateLimiterAbstract } from "rate-limiter-flexible";

import { createLimiter, type LimiterOptions } from "@/lib/limits/limiter";

// Attempt limits on top of createLimiter. A memory limiter is only a limit if every caller shares
// one instance: the bundler may evaluate a module once per route (and again on dev reloads), so
// instances live on globalThis, one per key prefix.

const globalForLimiters = globalThis as unknown as { ocrLimiters?: Map<string, RateLimiterAbstract> };
const limiters = (globalForLimiters.ocrLimiters ??= new Map());

/** The process-wide limiter for this key prefix (created on first use). */
export function sharedLimiter(opts: LimiterOptions): RateLimiterAbstract {
  let limiter = limiters.get(opts.keyPrefix);
  if (!limiter) {
    limiter = createLimiter(opts);
    limiters.set(opts.keyPrefix, limiter);
  }
  return limiter;
}

/** A reservation that went through: the points left in the window after it. */
export interface Reserved {
  remainingPoints: number;
}

/** A refused reservation: seconds until the key may try again (at least 1). */
export interface Refused {
  retryAfterSeconds: number;
}

const isLimiterAnswer = (err: unknown): err is { msBeforeNext: number } =>
  typeof err === "object" &&
  err !== null &&
  !(err instanceof Error) &&
  typeof (err as { msBeforeNext?: unknown }).msBeforeNext === "number";

/**
 * Takes one point for `key` before the guarded work runs. One atomic increment in the store, so
 * parallel attempts can never all pass a check made before any of them is counted. A store
 * failure (Redis away) is thrown, never read as "allowed".
 */
export async function reserveAttempt(limiter: RateLimiterAbstract, key: string): Promise<Reserved | Refused> {
  try {
    const res = await limiter.consume(key);
    return { remainingPoints: res.remainingPoints };
  } catch (err) {
    if (isLimiterAnswer(err)) return { retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
    throw err;
  }
}

export const isRefused = <T extends object>(r: T | Refused): r is Refused => "retryAfterSeconds" in r;
