import { beforeAll, describe, expect, test } from "vitest";

import { useTempDatabase } from "@/tests/support/temp-db";

type Db = typeof import("@/lib/db")["db"];
let db: Db;
let metering: typeof import("./metering");
let recovery: typeof import("./reservation-recovery");

beforeAll(async () => {
  useTempDatabase();
  ({ db } = await import("@/lib/db"));
  metering = await import("./metering");
  recovery = await import("./reservation-recovery");
  await db.capability.create({ data: { id: "general", name: "通用型OCR", status: "商用", apiId: "2f3p1pnxpqm8" } });
});

let n = 0;
async function setup(total = 100) {
  const user = await db.user.create({ data: { email: `r${++n}@example.com`, passwordHash: "x" } });
  const app = await db.app.create({ data: { userId: user.id, name: "a", appKey: `rk${n}`, appSecretEnc: "x" } });
  await db.quotaPack.create({
    data: { userId: user.id, capabilityId: "general", kind: "granted", total, validTo: new Date(Date.now() + 86_400_000) },
  });
  const reserve = (calls: number) =>
    metering.reserveQuota({
      userId: user.id,
      appId: app.id,
      capabilityId: "general",
      requestId: `q${calls}`,
      clientIp: "::1",
      calls,
      now: new Date(),
    });
  /** Pack used, and the calls charged in records: always equal once nothing is reserved. */
  const ledger = async () => ({
    used: (await db.quotaPack.findFirstOrThrow({ where: { userId: user.id } })).used,
    charged: (await db.callRecord.aggregate({ where: { userId: user.id }, _sum: { charged: true } }))._sum.charged ?? 0,
  });
  const record = (successCount: number, imageCount: number) => ({
    userId: user.id,
    appId: app.id,
    capabilityId: "general" as const,
    requestId: "q",
    latencyMs: 1,
    requestBytes: 1,
    responseBytes: 1,
    imageCount,
    successCount,
    failCount: imageCount - successCount,
    httpStatus: 200,
    statusCode: 0,
    clientIp: "::1",
  });
  return { userId: user.id, reserve, ledger, record };
}

describe("reservation recovery", () => {
  test("the timeout sweep releases only reservations older than RESERVATION_TIMEOUT_SECONDS", async () => {
    const s = await setup();
    const old = await s.reserve(5);
    const fresh = await s.reserve(2);
    await db.quotaReservation.update({ where: { id: old!.id }, data: { createdAt: new Date(Date.now() - 601_000) } });
    await recovery.sweepReservations();
    expect(await db.callRecord.findMany({ where: { userId: s.userId } })).toMatchObject([
      { reservationId: old!.id, settlement: "timeout", charged: 0, imageCount: 5, statusCode: 50000 },
    ]);
    expect(await s.ledger()).toEqual({ used: 2, charged: 0 });
    // The late request's own settlement finds its reservation released: nothing charged twice.
    expect(await metering.settleCall({ reservation: old, record: s.record(5, 5) })).toBe("already-settled");
    expect(await metering.settleCall({ reservation: fresh, record: s.record(2, 2) })).toBe("settled");
    expect(await s.ledger()).toEqual({ used: 2, charged: 2 });
  });

  test("an abandoned reservation (settlement failed) is released by the next sweep", async () => {
    const s = await setup();
    const r = await s.reserve(10);
    recovery.abandonReservation(r!.id);
    expect(await recovery.sweepReservations()).toMatchObject({ abandoned: 1 });
    expect(await db.callRecord.findFirst({ where: { reservationId: r!.id } })).toMatchObject({
      settlement: "settlement-failed",
      statusCode: 50010,
      httpStatus: 503,
    });
    expect(await s.ledger()).toEqual({ used: 0, charged: 0 });
  });

  test("restart recovery leaves reservations taken after the start alone", async () => {
    const s = await setup();
    const before = await s.reserve(3);
    const startedAt = new Date(Date.now() + 5);
    await new Promise((r) => setTimeout(r, 10));
    const after = await s.reserve(4);
    expect(await recovery.releaseReservationsOfPreviousRun(startedAt)).toBeGreaterThanOrEqual(1);
    expect(await db.quotaReservation.findUnique({ where: { id: before!.id } })).toBeNull();
    expect(await db.quotaReservation.findUnique({ where: { id: after!.id } })).not.toBeNull();
    expect(await s.ledger()).toEqual({ used: 4, charged: 0 });
  });
});
