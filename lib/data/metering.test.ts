import { beforeAll, describe, expect, test } from "vitest";

import { useTempDatabase } from "@/tests/support/temp-db";

type Metering = typeof import("./metering");
type Db = typeof import("@/lib/db")["db"];

let metering: Metering;
let db: Db;
const DAY = 86_400_000;

beforeAll(async () => {
  await useTempDatabase();
  metering = await import("./metering");
  ({ db } = await import("@/lib/db"));
  await db.capability.createMany({
    data: [
      { id: "general", name: "通用型OCR", status: "商用", apiId: "2f3p1pnxpqm8" },
      { id: "idcard", name: "身份证识别", status: "商用", apiId: "2f3os7qq79xc" },
    ],
  });
});

let userCounter = 0;
async function newUser() {
  const user = await db.user.create({ data: { email: `u${++userCounter}@example.com`, passwordHash: "x" } });
  const app = await db.app.create({ data: { userId: user.id, name: "a", appKey: `k${userCounter}`, appSecretEnc: "x" } });
  return { userId: user.id, appId: app.id };
}

async function addPack(
  userId: string,
  total: number,
  used: number,
  validTo = new Date(Date.now() + 365 * DAY),
  validFrom = new Date(Date.now() - DAY),
) {
  return db.quotaPack.create({ data: { userId, capabilityId: "general", kind: "granted", total, used, validFrom, validTo } });
}

const record = (ids: { userId: string; appId: string }, successCount: number, imageCount: number) => ({
  ...ids,
  capabilityId: "general" as const,
  requestId: `r-${Math.random()}`,
  latencyMs: 1,
  requestBytes: 10,
  responseBytes: 20,
  imageCount,
  successCount,
  failCount: imageCount - successCount,
  httpStatus: 200,
  statusCode: 0,
  clientIp: "127.0.0.1",
});

const reserve = (ids: { userId: string; appId: string }, images: number) =>
  metering.reserveQuota({ ...ids, capabilityId: "general", requestId: "r", clientIp: "127.0.0.1", calls: images, now: new Date() });

/** What the gateway does per call: reserve, then settle with the recognised count. */
async function call(ids: { userId: string; appId: string }, images: number, succeeded = images) {
  const reservation = await reserve(ids, images);
  if (!reservation) return false;
  await metering.settleCall({ reservation, record: record(ids, succeeded, images) });
  return true;
}

const usedOf = async (userId: string) =>
  (await db.quotaPack.findMany({ where: { userId }, orderBy: { validTo: "asc" } })).map((p) => p.used);

describe("checkQuota", () => {
  test("51002 without any pack, 51001 with only expired packs, 51003 with none left", async () => {
    const { userId } = await newUser();
    const check = () => metering.checkQuota({ userId, capabilityId: "general", now: new Date() });
    expect(await check()).toEqual({ ok: false, code: 51002 });
    await addPack(userId, 10, 0, new Date(Date.now() - DAY), new Date(Date.now() - 2 * DAY));
    expect(await check()).toEqual({ ok: false, code: 51001 });
    await addPack(userId, 10, 10);
    expect(await check()).toEqual({ ok: false, code: 51003 });
    await addPack(userId, 10, 9);
    expect(await check()).toEqual({ ok: true });
    expect(await metering.checkQuota({ userId, capabilityId: "idcard", now: new Date() })).toEqual({ ok: false, code: 51002 });
  });
});

describe("reserve and settle", () => {
  test("N parallel calls on a pack are charged exactly N", async () => {
    const ids = await newUser();
    await addPack(ids.userId, 1000, 0);
    const results = await Promise.all(Array.from({ length: 40 }, () => call(ids, 1)));
    expect(results.every(Boolean)).toBe(true);
    expect(await usedOf(ids.userId)).toEqual([40]);
    const records = await db.callRecord.findMany({ where: { userId: ids.userId } });
    expect(records).toHaveLength(40);
    expect(records.reduce((sum, r) => sum + r.charged, 0)).toBe(40);
  });

  test("with k < N calls left, exactly k parallel calls succeed", async () => {
    const ids = await newUser();
    await addPack(ids.userId, 100, 93);
    const results = await Promise.all(Array.from({ length: 20 }, () => call(ids, 1)));
    expect(results.filter(Boolean)).toHaveLength(7);
    expect(await usedOf(ids.userId)).toEqual([100]);
  });

  test("a batch spans packs, the earliest-expiring first", async () => {
    const ids = await newUser();
    await addPack(ids.userId, 10, 0, new Date(Date.now() + 300 * DAY));
    await addPack(ids.userId, 5, 2, new Date(Date.now() + 30 * DAY));
    expect(await call(ids, 5)).toBe(true);
    expect(await usedOf(ids.userId)).toEqual([5, 2]);
  });

  test("expired packs are never used; fewer calls left than images → refused, nothing taken", async () => {
    const ids = await newUser();
    await addPack(ids.userId, 100, 0, new Date(Date.now() - DAY), new Date(Date.now() - 2 * DAY));
    await addPack(ids.userId, 3, 0);
    expect(await call(ids, 4)).toBe(false);
    expect(await usedOf(ids.userId)).toEqual([0, 0]);
  });

  test("failed images are given back in the settlement", async () => {
    const ids = await newUser();
    await addPack(ids.userId, 10, 0, new Date(Date.now() + 30 * DAY));
    await addPack(ids.userId, 10, 0, new Date(Date.now() + 300 * DAY));
    expect(await call(ids, 15, 11)).toBe(true);
    expect(await usedOf(ids.userId)).toEqual([10, 1]);
    const [last] = await db.callRecord.findMany({ where: { userId: ids.userId } });
    expect(last).toMatchObject({ imageCount: 15, successCount: 11, failCount: 4, charged: 11 });
  });

  test("mixed batches in parallel never overdraw", async () => {
    const ids = await newUser();
    await addPack(ids.userId, 50, 0);
    const sizes = Array.from({ length: 30 }, (_, i) => (i % 4) + 1);
    const results = await Promise.all(sizes.map((n) => call(ids, n)));
    const charged = sizes.filter((_, i) => results[i]).reduce((a, b) => a + b, 0);
    const [used] = await usedOf(ids.userId);
    expect(used).toBe(charged);
    expect(used).toBeLessThanOrEqual(50);
  });

  test("a call without reservation is only recorded", async () => {
    const ids = await newUser();
    await metering.settleCall({ reservation: null, record: { ...record(ids, 0, 0), httpStatus: 403, statusCode: 50002 } });
    const rows = await db.callRecord.findMany({ where: { userId: ids.userId } });
    expect(rows).toMatchObject([{ statusCode: 50002, httpStatus: 403, charged: 0 }]);
  });
});

describe("persisted reservation", () => {
  test("is written with the calls it takes and removed by its settlement", async () => {
    const ids = await newUser();
    await addPack(ids.userId, 10, 0);
    const reservation = await reserve(ids, 3);
    expect(reservation).not.toBeNull();
    const row = await db.quotaReservation.findUniqueOrThrow({ where: { id: reservation!.id } });
    expect(JSON.parse(row.parts)).toEqual(reservation!.parts);
    expect(row).toMatchObject({ userId: ids.userId, appId: ids.appId, imageCount: 3 });
    expect(await metering.settleCall({ reservation, record: record(ids, 2, 3) })).toBe("settled");
    expect(await db.quotaReservation.count({ where: { id: reservation!.id } })).toBe(0);
  });

  test("settlement is idempotent: a second settlement of the same reservation changes nothing", async () => {
    const ids = await newUser();
    await addPack(ids.userId, 10, 0);
    const reservation = await reserve(ids, 4);
    expect(await metering.settleCall({ reservation, record: record(ids, 1, 4) })).toBe("settled");
    expect(await metering.settleCall({ reservation, record: record(ids, 1, 4) })).toBe("already-settled");
    expect(await usedOf(ids.userId)).toEqual([1]);
    const records = await db.callRecord.findMany({ where: { userId: ids.userId } });
    expect(records).toMatchObject([{ charged: 1, reservationId: reservation!.id, settlement: "" }]);
  });
});
