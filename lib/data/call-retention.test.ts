import { beforeAll, describe, expect, test } from "vitest";

import { useTempDatabase } from "@/tests/support/temp-db";
import { insertCallRecords } from "@/tests/support/call-records";
import { useQueryLog } from "@/tests/support/query-log";

type Db = typeof import("@/lib/db")["db"];

let db: Db;
let retention: typeof import("./call-retention");
let log: { queries: string[] };
let userId: string;
let appId: string;
const DAY = 86_400_000;
const NOW = new Date("2026-06-30T12:00:00Z"); // the job's clock, passed in

beforeAll(async () => {
  const { databaseUrl } = useTempDatabase();
  log = useQueryLog(databaseUrl);
  ({ db } = await import("@/lib/db"));
  retention = await import("./call-retention");
  userId = (await db.user.create({ data: { email: "ret@example.com", passwordHash: "x" } })).id;
  appId = (await db.app.create({ data: { userId, name: "a", appKey: "ret", appSecretEnc: "x" } })).id;
});

async function seed(recordAgesDays: number[], rollupAgesDays: number[]) {
  await db.callRecord.deleteMany({});
  await db.callRollup.deleteMany({});
  await insertCallRecords(
    db,
    recordAgesDays.map((age, i) => ({
      id: `ret-${i}`,
      userId,
      appId,
      capabilityId: "general",
      requestId: `ret-${i}`,
      createdAt: new Date(NOW.getTime() - age * DAY),
      latencyMs: 1,
      requestBytes: 1,
      responseBytes: 1,
      imageCount: 1,
      successCount: 1,
      failCount: 0,
      httpStatus: 200,
      statusCode: 0,
    })),
  );
  await db.callRollup.createMany({
    data: rollupAgesDays.map((age, i) => ({
      userId,
      appId: `a${i}`,
      capabilityId: "general",
      hour: new Date(NOW.getTime() - age * DAY),
      calls: 1,
    })),
  });
}

const ages = async () => ({
  records: (await db.callRecord.findMany({ select: { createdAt: true } }))
    .map((r) => Math.round((NOW.getTime() - r.createdAt.getTime()) / DAY))
    .sort((a, b) => a - b),
  rollups: (await db.callRollup.findMany({ select: { hour: true } }))
    .map((r) => Math.round((NOW.getTime() - r.hour.getTime()) / DAY))
    .sort((a, b) => a - b),
});

describe("purgeExpiredCalls", () => {
  test("90 days: older records and rollups go, younger ones stay", async () => {
    await seed([1, 89, 91, 400], [1, 89, 91, 400]);
    expect(await retention.purgeExpiredCalls({ now: NOW, retentionDays: 90 })).toEqual({ records: 2, rollups: 2 });
    expect(await ages()).toEqual({ records: [1, 89], rollups: [1, 89] });
  });

  test("a short record retention keeps the rollups of the 30-day charts", async () => {
    await seed([1, 6, 8, 29, 40], [1, 8, 29, 32, 40]);
    expect(await retention.purgeExpiredCalls({ now: NOW, retentionDays: 7 })).toEqual({ records: 3, rollups: 2 });
    expect(await ages()).toEqual({ records: [1, 6], rollups: [1, 8, 29] });
  });

  test("a backlog goes in bounded batches", async () => {
    await seed([...Array.from({ length: 10 }, () => 100), 5], []);
    log.queries.length = 0;
    expect(await retention.purgeExpiredCalls({ now: NOW, retentionDays: 90, batchSize: 3, pauseMs: 1 })).toEqual({
      records: 10,
      rollups: 0,
    });
    const deletes = log.queries.filter((q) => /^\s*DELETE/i.test(q) && q.includes("CallRecord"));
    expect(deletes).toHaveLength(4); // 3 + 3 + 3 + 1
    expect(deletes.every((q) => /LIMIT/i.test(q))).toBe(true);
    expect((await ages()).records).toEqual([5]);
  });
});
