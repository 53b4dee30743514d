import "server-only";

import { Redis } from "ioredis";

import { env } from "@/lib/env";

// One Redis connection per process, shared by every limiter and store that must be global across
// instances. Null when REDIS_URL is unset (single instance: everything stays in memory/database).

const globalForRedis = globalThis as unknown as { ocrRedis?: Redis | null };

function createRedis(): Redis | null {
  if (!env.REDIS_URL) return null;
  // Fail fast instead of queueing commands while Redis is away: callers answer 503 and retry.
  return new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
}

export const redis: Redis | null = globalForRedis.ocrRedis !== undefined ? globalForRedis.ocrRedis : createRedis();
globalForRedis.ocrRedis = redis;
