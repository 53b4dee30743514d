import { beforeAll, describe, expect, test } from "vitest";

import { useTempDatabase } from "@/tests/support/temp-db";
import { insertCallRecords } from "@/tests/support/call-records";
import { sqlitePlans, useQueryLog } from "@/tests/support/query-log";
import { rollupBackfillSql } from "@/tests/support/rollup-backfill";

// The overview and monitoring queries must cost the same with 200 or 50 000 call records in
// their range (security review M6): they read hourly rollups only, through an index.

type Db = typeof import("@/lib/db")["db"];

let db: Db;
let usage: typeof import("./usage");
let log: { queries: string[] };
let databaseUrl: string;
let userId: string;
let appIds: string[];
const HOUR = 3_600_000;
const NOW = new Date();
const HOURS = 50; // 50 hours × 2 apps × 2 capabilities = 200 rollup keys

beforeAll(async () => {
  ({ databaseUrl } = useTempDatabase());
  log = useQueryLog(databaseUrl);
  ({ db } = await import("@/lib/db"));
  usage = await import("./usage");
  const user = await db.user.create({ data: { email: "cost@example.com", passwordHash: "x" } });
  userId = user.id;
  appIds = await Promise.all(
    ["a", "b"].map(async (k) => (await db.app.create({ data: { userId, name: k, appKey: `cost-${k}`, appSecretEnc: "x" } })).id),
  );
});

/** Adds `count` records spread evenly over the same 200 (hour, app, capability) keys, then rebuilds the rollups. */
async function addRecords(count: number, offset: number) {
  const rows = Array.from({ length: count }, (_, j) => {
    const i = offset + j;
    const key = i % (HOURS * 4);
    return {
      id: `cost-${i}`,
      userId,
      appId: appIds[key % 2]!,
      capabilityId: (key >> 1) % 2 ? "general" : "idcard",
      requestId: `cost-${i}`,
      createdAt: new Date(Math.floor(NOW.getTime() / HOUR) * HOUR - (1 + Math.floor(key / 4) * 5) * HOUR + (i % 3000) * 1000),
      latencyMs: 50 + (i % 900),
      requestBytes: 2000,
      responseBytes: 300,
      imageCount: 1,
      successCount: i % 10 ? 1 : 0,
      failCount: i % 10 ? 0 : 1,
      httpStatus: i % 10 ? 200 : 429,
      statusCode: i % 10 ? 0 : 40029,
    };
  });
  await insertCallRecords(db, rows);
  await db.callRollup.deleteMany({});
  await db.$executeRawUnsafe(rollupBackfillSql());
}

/** Runs every chart query the console has and returns the SQL they sent and what they answered. */
async function chartQueries() {
  log.queries.length = 0;
  const overview = await usage.getOverviewStats({ userId, now: NOW });
  const series = await Promise.all(
    (["24h", "7d", "30d"] as const).flatMap((range) => [
      usage.getUsageSeries({ userId, range, now: NOW }),
      usage.getUsageSeries({ userId, range, appId: appIds[0], capabilityId: "general", now: NOW }),
    ]),
  );
  return { sql: [...log.queries], overview, series };
}

const rollupRowsInRange = () => db.callRollup.count({ where: { userId, hour: { gte: new Date(NOW.getTime() - 31 * 24 * HOUR) } } });

describe("overview and monitoring cost", () => {
  test("the same queries, over the same 200 rollup rows, for 200 and for 50 000 records", async () => {
    await addRecords(200, 0);
    const small = await chartQueries();
    expect(small.overview.totalCalls30d).toBe(200);
    expect(await rollupRowsInRange()).toBe(200);

    await addRecords(49_800, 200);
    const large = await chartQueries();
    expect(large.overview.totalCalls30d).toBe(50_000);
    expect(large.overview.successRate30d).toBeCloseTo(0.9, 5);
    expect(large.series[4]!.totals.calls).toBe(50_000); // 30d, all apps
    expect(await rollupRowsInRange()).toBe(200);

    // No statement reads the call records, and the statements do not change with their number.
    expect(large.sql.filter((q) => /CallRecord/.test(q))).toEqual([]);
    expect([...large.sql].sort()).toEqual([...small.sql].sort()); // sorted: on PostgreSQL they run in parallel
    if (!process.env.TEST_POSTGRES_URL) {
      const plans = sqlitePlans(databaseUrl, large.sql, "CallRollup").filter((line) => line.includes("CallRollup"));
      expect(plans.length).toBeGreaterThan(0);
      for (const plan of plans) expect(plan).toMatch(/^SEARCH (main\.)?CallRollup USING (COVERING )?INDEX \S+ \(userId=\? AND hour>\?\)/);
    }
  });
});
