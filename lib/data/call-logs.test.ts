import { beforeAll, describe, expect, test } from "vitest";

import { useTempDatabase } from "@/tests/support/temp-db";
import { insertCallRecords, type RawCallRecord } from "@/tests/support/call-records";
import { sqlitePlans, useQueryLog } from "@/tests/support/query-log";
import { callLogQuerySchema } from "@/lib/validation/usage-query";

type Db = typeof import("@/lib/db")["db"];

let db: Db;
let callLogs: typeof import("./call-logs");
let log: { queries: string[] };
let databaseUrl: string;
const NOW = new Date();

beforeAll(async () => {
  ({ databaseUrl } = useTempDatabase());
  log = useQueryLog(databaseUrl);
  ({ db } = await import("@/lib/db"));
  callLogs = await import("./call-logs");
});

let counter = 0;
/** A user with `count` calls in the last hours; every third shares the previous one's millisecond. */
async function userWithCalls(count: number) {
  const user = await db.user.create({ data: { email: `log${++counter}@example.com`, passwordHash: "x" } });
  const app = await db.app.create({ data: { userId: user.id, name: "a", appKey: `log-${counter}`, appSecretEnc: "x" } });
  const rows: RawCallRecord[] = Array.from({ length: count }, (_, i) => ({
    id: `c${counter}-${String(i).padStart(6, "0")}`,
    userId: user.id,
    appId: app.id,
    capabilityId: "general",
    requestId: `req-${i}`,
    createdAt: new Date(NOW.getTime() - 60_000 - (i - (i % 3 === 2 ? 1 : 0)) * 1000),
    latencyMs: 10,
    requestBytes: 10,
    responseBytes: 10,
    imageCount: 1,
    successCount: 1,
    failCount: 0,
    httpStatus: 200,
    statusCode: 0,
  }));
  await insertCallRecords(db, rows);
  // Newest first, the id breaking ties (larger id first).
  const expected = [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((r) => r.id);
  return { userId: user.id, expected };
}

const query = (q: Record<string, string>) => callLogQuerySchema.parse({ range: "24h", pageSize: "10", ...q });

describe("call log keyset pages", () => {
  test("next pages cover every row once, in order; prev walks back to the first page", async () => {
    const { userId, expected } = await userWithCalls(45);
    const pages = [];
    let page = await callLogs.listCallLogs({ userId, now: NOW, ...query({}) });
    expect(page).toMatchObject({ total: 45, totalCapped: false, prevCursor: null });
    pages.push(page);
    while (page.nextCursor) {
      page = await callLogs.listCallLogs({ userId, now: NOW, ...query({ cursor: page.nextCursor }) });
      pages.push(page);
    }
    expect(pages.map((p) => p.rows.length)).toEqual([10, 10, 10, 10, 5]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(expected);

    const back = await callLogs.listCallLogs({ userId, now: NOW, ...query({ cursor: pages[3]!.prevCursor!, direction: "prev" }) });
    expect(back.rows.map((r) => r.id)).toEqual(pages[2]!.rows.map((r) => r.id));
    expect(back.nextCursor).toBe(pages[2]!.nextCursor);
    const top = await callLogs.listCallLogs({ userId, now: NOW, ...query({ cursor: pages[1]!.prevCursor!, direction: "prev" }) });
    expect(top).toEqual(pages[0]);
  });

  test("a deep page is an index range from the cursor, sorted by the index", async () => {
    const { userId } = await userWithCalls(30);
    const first = await callLogs.listCallLogs({ userId, now: NOW, ...query({}) });
    log.queries.length = 0;
    await callLogs.listCallLogs({ userId, now: NOW, ...query({ cursor: first.nextCursor! }) });
    if (process.env.TEST_POSTGRES_URL) return; // the plan check is SQLite's EXPLAIN QUERY PLAN
    const plans = sqlitePlans(databaseUrl, log.queries, "CallRecord");
    expect(
      plans.some((p) =>
        /SEARCH (main\.)?CallRecord USING (COVERING )?INDEX CallRecord_userId_createdAt_id_idx \(userId=\? AND createdAt>\? AND createdAt<\?\)/.test(
          p,
        ),
      ),
    ).toBe(true);
    expect(plans.filter((p) => /TEMP B-TREE|^SCAN (main\.)?CallRecord/.test(p))).toEqual([]); // the bounded count too
  });

  test("the total is counted up to 10 000 rows, then reported as capped", async () => {
    const { userId } = await userWithCalls(callLogs.CALL_LOG_TOTAL_CAP + 1);
    const page = await callLogs.listCallLogs({ userId, now: NOW, ...query({}) });
    expect(page).toMatchObject({ total: 10_000, totalCapped: true });
    expect(page.rows).toHaveLength(10);
  });
});

describe("call log query", () => {
  test("a cursor is <epoch ms>.<id>; anything else is refused", () => {
    expect(callLogQuerySchema.safeParse({ cursor: "1732900000000.cm4abc_1" }).success).toBe(true);
    for (const cursor of ["x", "1.a.b", "1732900000000.", "-1.a", "1.a b", "1.' OR 1=1"])
      expect(callLogQuerySchema.safeParse({ cursor }).success).toBe(false);
    expect(callLogQuerySchema.safeParse({ direction: "sideways" }).success).toBe(false);
    expect(callLogQuerySchema.parse({ cursor: "" })).toMatchObject({ cursor: undefined, direction: "next" });
  });
});
