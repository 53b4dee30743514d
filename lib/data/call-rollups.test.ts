import { beforeAll, describe, expect, test } from "vitest";

import { useTempDatabase } from "@/tests/support/temp-db";
import { useQueryLog } from "@/tests/support/query-log";
import { rollupBackfillSql, successCorrectionSql } from "@/tests/support/rollup-backfill";
import { LATENCY_BOUNDS_MS, LATENCY_COLUMNS, histogramPercentile, latencyColumn } from "./call-rollups";

type Db = typeof import("@/lib/db")["db"];
type Metering = typeof import("./metering");

let db: Db;
let metering: Metering;
let rollups: typeof import("./call-rollups");
let log: { queries: string[] };

beforeAll(async () => {
  const { databaseUrl } = useTempDatabase();
  log = useQueryLog(databaseUrl);
  ({ db } = await import("@/lib/db"));
  metering = await import("./metering");
  rollups = await import("./call-rollups");
});

let counter = 0;
async function newApp() {
  const user = await db.user.create({ data: { email: `r${++counter}@example.com`, passwordHash: "x" } });
  const app = await db.app.create({ data: { userId: user.id, name: "a", appKey: `rk${counter}`, appSecretEnc: "x" } });
  return { userId: user.id, appId: app.id };
}

const record = (
  ids: { userId: string; appId: string },
  over: Partial<{
    latencyMs: number;
    httpStatus: number;
    statusCode: number;
    imageCount: number;
    successCount: number;
    failCount: number;
  }> = {},
) => ({
  ...ids,
  capabilityId: "general" as const,
  requestId: `r-${Math.random()}`,
  latencyMs: 120,
  requestBytes: 1000,
  responseBytes: 200,
  imageCount: 1,
  successCount: 1,
  failCount: 0,
  httpStatus: 200,
  statusCode: 0,
  clientIp: "127.0.0.1",
  ...over,
});

const rollupsOf = (userId: string) =>
  db.callRollup.findMany({ where: { userId }, orderBy: [{ hour: "asc" }, { appId: "asc" }, { capabilityId: "asc" }] });

describe("latency histogram", () => {
  test("a latency lands in the bucket whose bound is the first at or above it", () => {
    expect(latencyColumn(0)).toBe("latLe50");
    expect(latencyColumn(50)).toBe("latLe50");
    expect(latencyColumn(51)).toBe("latLe100");
    expect(latencyColumn(30_000)).toBe("latLe30000");
    expect(latencyColumn(30_001)).toBe("latOver30000");
    expect(LATENCY_COLUMNS).toHaveLength(LATENCY_BOUNDS_MS.length + 1);
  });

  test("P95 interpolates inside its bucket; none → 0; the open bucket answers its lower bound", () => {
    const counts = (entries: Record<string, number>) => LATENCY_COLUMNS.map((c) => entries[c] ?? 0);
    expect(histogramPercentile(counts({}), 95)).toBe(0);
    expect(histogramPercentile(counts({ latLe300: 1 }), 95)).toBe(300);
    // 100 calls: 90 at ≤100 ms, 10 in (300, 500]: rank 95 is the 5th of those 10 → 300 + 200·5/10.
    expect(histogramPercentile(counts({ latLe100: 90, latLe500: 10 }), 95)).toBe(400);
    expect(histogramPercentile(counts({ latOver30000: 3 }), 95)).toBe(30_000);
  });
});

describe("addCallToRollups (through settleCall)", () => {
  test("parallel settles of one hour add up exactly, in one upsert statement each", async () => {
    const ids = await newApp();
    const calls = Array.from({ length: 40 }, (_, i) =>
      record(ids, { latencyMs: i < 38 ? 80 : 900, httpStatus: i % 4 === 0 ? 429 : 200, statusCode: i % 4 === 0 ? 40029 : 0 }),
    );
    log.queries.length = 0;
    await Promise.all(calls.map((r) => metering.settleCall({ reservation: null, record: r })));
    const upserts = log.queries.filter((q) => /^\s*INSERT\b.*\bCallRollup\b/s.test(q));
    expect(upserts).toHaveLength(40);
    expect(upserts.every((q) => /ON CONFLICT/i.test(q))).toBe(true); // native upsert: no read-then-write race
    const rows = await rollupsOf(ids.userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      calls: 40,
      successes: 30,
      images: 40,
      latencySumMs: BigInt(38 * 80 + 2 * 900),
      requestBytes: 40_000n,
      responseBytes: 8_000n,
      latLe100: 38,
      latLe1000: 2,
    });
    expect(rows[0]!.hour.getTime() % 3_600_000).toBe(0);
  });

  test("the rollup's charged is the record's charged", async () => {
    const ids = await newApp();
    await db.quotaPack.create({
      data: { userId: ids.userId, capabilityId: "general", kind: "granted", total: 10, validTo: new Date(Date.now() + 86_400_000) },
    });
    const reservation = await metering.reserveQuota({
      userId: ids.userId,
      appId: ids.appId,
      capabilityId: "general",
      requestId: "r-charged",
      clientIp: "",
      calls: 3,
      now: new Date(),
    });
    await metering.settleCall({ reservation, record: record(ids, { imageCount: 3, successCount: 2 }) });
    expect((await rollupsOf(ids.userId))[0]).toMatchObject({ calls: 1, images: 3, charged: 2 });
  });
});

describe("backfill of existing records (the migration's SQL)", () => {
  test("rebuilds exactly the rollups the calls wrote one by one", async () => {
    const ids = await newApp();
    const other = await db.app.create({ data: { userId: ids.userId, name: "b", appKey: `rk-b${counter}`, appSecretEnc: "x" } });
    const base = Date.parse("2026-03-01T00:00:00Z");
    for (let i = 0; i < 60; i++) {
      const createdAt = new Date(base + i * 37 * 60_000 + (i % 7) * 1000);
      const r = {
        ...record(i % 3 ? ids : { ...ids, appId: other.id }, {
          latencyMs: (i * 613) % 40_000,
          httpStatus: i % 5 ? 200 : 403,
          statusCode: i % 5 ? 0 : 50002,
        }),
        charged: i % 2,
        createdAt,
      };
      await db.$transaction(async (tx) =>
        rollups.addCallToRollups(tx, await tx.callRecord.create({ data: { ...r, capabilityId: i % 2 ? "general" : "idcard" } })),
      );
    }
    const incremental = await rollupsOf(ids.userId);
    expect(incremental.length).toBeGreaterThan(40);
    await db.callRollup.deleteMany({});
    await db.$executeRawUnsafe(rollupBackfillSql());
    expect(await rollupsOf(ids.userId)).toEqual(incremental);
  });
});

describe("the call_details migration (SQLite)", () => {
  test.skipIf(Boolean(process.env.TEST_POSTGRES_URL))(
    "takes the batches whose every image failed out of the successes of rollups built the old way",
    async () => {
      const ids = await newApp();
      const base = Date.parse("2026-04-01T00:00:00Z");
      for (let i = 0; i < 30; i++) {
        const allFailed = i % 3 === 0;
        const r = {
          ...record(ids, allFailed ? { imageCount: 2, successCount: 0, failCount: 2 } : {}),
          createdAt: new Date(base + i * 23 * 60_000),
        };
        await db.$transaction(async (tx) => rollups.addCallToRollups(tx, await tx.callRecord.create({ data: r })));
      }
      const incremental = await rollupsOf(ids.userId);
      expect(incremental.reduce((n, r) => n + r.successes, 0)).toBe(20);
      await db.callRollup.deleteMany({});
      // The call_rollups backfill counted 200/0 as a success whatever the images did.
      await db.$executeRawUnsafe(rollupBackfillSql());
      expect((await rollupsOf(ids.userId)).reduce((n, r) => n + r.successes, 0)).toBe(30);
      await db.$executeRawUnsafe(successCorrectionSql());
      expect(await rollupsOf(ids.userId)).toEqual(incremental);
    },
  );
});
