import "server-only";

import { probeDatabase } from "@/lib/data/database-probe";
import { redis } from "@/lib/limits/redis";
import { isOcrEngineReady } from "@/lib/ocr/engine";

// GET /api/ready: can this instance serve API calls now? Models loaded, database writable, Redis
// answering when REDIS_URL is set. /api/health only says the process is alive and models loaded.

const CHECK_TIMEOUT_MS = 2_000;

export type CheckState = "ok" | "unavailable" | "loading" | "off";
export interface Readiness {
  ready: boolean;
  checks: { models: CheckState; database: CheckState; redis: CheckState };
  errors?: Record<string, string>;
}

const withTimeout = <T>(promise: Promise<T>, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);

async function checkRedis(): Promise<{ state: CheckState; error?: string }> {
  if (!redis) return { state: "off" };
  try {
    await withTimeout(redis.ping(), "Redis");
    return { state: "ok" };
  } catch (err) {
    return { state: "unavailable", error: (err as Error).message };
  }
}

async function checkDatabase(): Promise<{ state: CheckState; error?: string }> {
  try {
    const probe = await withTimeout(probeDatabase(), "the database");
    return probe.ok ? { state: "ok" } : { state: "unavailable", error: probe.error };
  } catch (err) {
    return { state: "unavailable", error: (err as Error).message };
  }
}

export async function checkReadiness(): Promise<Readiness> {
  const [database, redisCheck] = await Promise.all([checkDatabase(), checkRedis()]);
  const models: CheckState = isOcrEngineReady() ? "ok" : "loading";
  const errors = Object.fromEntries(
    Object.entries({ database: database.error, redis: redisCheck.error }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  return {
    ready: models === "ok" && database.state === "ok" && redisCheck.state !== "unavailable",
    checks: { models, database: database.state, redis: redisCheck.state },
    ...(Object.keys(errors).length ? { errors } : {}),
  };
}
