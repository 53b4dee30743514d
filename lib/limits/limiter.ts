import "server-only";

import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";

import { redis } from "@/lib/limits/redis";

// Fixed-window counters (throttles, attempt limits) from rate-limiter-flexible: a well-kept library
// whose Memory and Redis backends share one API, and whose Redis backend increments and expires a
// key in one atomic step. In memory for one instance; in Redis (global) once REDIS_URL is set.

export interface LimiterOptions {
  /** Namespace of the keys, e.g. "login:account-ip". */
  keyPrefix: string;
  /** Points allowed per window. */
  points: number;
  /** Window length in seconds. */
  durationSeconds: number;
  /** Once the points are spent, block the key this long (seconds); default: until the window ends. */
  blockSeconds?: number;
}

export function createLimiter(opts: LimiterOptions): RateLimiterAbstract {
  const common = { keyPrefix: opts.keyPrefix, points: opts.points, duration: opts.durationSeconds, blockDuration: opts.blockSeconds ?? 0 };
  return redis ? new RateLimiterRedis({ ...common, storeClient: redis, useRedisPackage: false }) : new RateLimiterMemory(common);
}
