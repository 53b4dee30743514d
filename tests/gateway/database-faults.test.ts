import { execFileSync } from "node:child_process";
import path from "node:path";

import sharp from "sharp";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";

import { type EopCredentials, signEopRequest } from "@/e2e/fixtures/eop-sign";
import { holdExclusiveLock } from "@/tests/support/sqlite-lock";
import { useTempDatabase } from "@/tests/support/temp-db";

// Issue 13: the gateway while the database is unavailable (SQLite only: another process holds the
// lock, the file is read-only). The answer is 503/50010 with Retry-After, fast, and the pack's
// `used` always equals the calls charged in records once the fault is over.

const fault = vi.hoisted(() => ({ duringRecognition: null as null | (() => Promise<void>) }));
vi.mock("@/lib/ocr/engine", async () => {
  const { fixedRead } = await import("@/tests/support/fake-read");
  return {
    getOcrEngine: async () => ({
      recognizeFile: async () => {
        const hook = fault.duringRecognition;
        fault.duringRecognition = null;
        await hook?.();
        return fixedRead();
      },
    }),
    isOcrEngineReady: () => true,
  };
});

const GENERAL = "/v1/aiop/api/2f3p1pnxpqm8/ocrdetect/ocr/v1/image.json";
const postgres = Boolean(process.env.TEST_POSTGRES_URL);
let dataDir = "";
let dbFile = "";
let creds: EopCredentials;
let userId = "";
let image = "";
let handle: typeof import("@/lib/gateway/handle-request")["handleGatewayRequest"];
let db: typeof import("@/lib/db")["db"];
let sweep: typeof import("@/lib/data/reservation-recovery")["sweepReservations"];

beforeAll(async () => {
  ({ dataDir } = useTempDatabase());
  dbFile = path.join(dataDir, "test.db");
  ({ handleGatewayRequest: handle } = await import("@/lib/gateway/handle-request"));
  ({ db } = await import("@/lib/db"));
  ({ sweepReservations: sweep } = await import("@/lib/data/reservation-recovery"));
  await (await import("@/lib/data/capabilities")).syncCapabilityCatalog();
  const user = await (await import("@/lib/data/users")).createUser({ email: "f@example.com", password: "secret-password" });
  userId = user.id;
  const key = await (await import("@/lib/data/access-keys")).createAccessKey({ userId });
  const app = await (await import("@/lib/data/apps")).createApp({ userId, name: "f", capabilities: ["general"], qpsLimit: 1000 });
  creds = { accessKey: key.accessKey, secretKey: key.secretKey, appKey: app.appKey };
  await (await import("@/lib/data/packs")).grantPack({ userId, capabilityId: "general", calls: 100 });
  image = (
    await sharp({ create: { width: 64, height: 40, channels: 3, background: "#fff" } })
      .png()
      .toBuffer()
  ).toString("base64");
});

afterEach(() => {
  fault.duringRecognition = null;
});

async function send(images = 1) {
  const body = JSON.stringify({ data: Array.from({ length: images }, () => image) });
  const headers = signEopRequest(creds, { url: GENERAL, body });
  const started = performance.now();
  const response = await handle(new Request(`http://127.0.0.1:3000${GENERAL}`, { method: "POST", headers, body }));
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    json: (await response.json()) as Record<string, unknown>,
    ms: performance.now() - started,
  };
}

/** Pack used vs calls charged in records: equal whenever no request is in flight. */
async function ledger() {
  const used = (await db.quotaPack.aggregate({ where: { userId }, _sum: { used: true } }))._sum.used ?? 0;
  const charged = (await db.callRecord.aggregate({ where: { userId }, _sum: { charged: true } }))._sum.charged ?? 0;
  return { used, charged, open: await db.quotaReservation.count() };
}

const busy = { statusCode: 50010, error: "EOP_50010", message: "服务繁忙，请稍后重试", details: "database unavailable" };

describe.skipIf(postgres)("database unavailable", () => {
  test("another process holds the lock: 503/50010 with Retry-After at once, nothing charged", async () => {
    const before = await ledger();
    const lock = await holdExclusiveLock(dbFile);
    let answer: Awaited<ReturnType<typeof send>> | undefined;
    try {
      answer = await send();
    } finally {
      await lock.release();
    }
    expect(answer.status).toBe(503);
    expect(answer.json).toMatchObject(busy);
    expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(answer.ms).toBeLessThan(1_500); // the driver used to wait 5 s on the event loop, then answer 500
    expect(await ledger()).toEqual(before);
    expect((await send()).status).toBe(200); // and it is back once the lock is gone
  });

  test("a lock during settlement: the client gets 50010, not a success; the sweep releases the calls with a record", async () => {
    const before = await ledger();
    let release: () => Promise<void> = async () => {};
    fault.duringRecognition = async () => {
      const lock = await holdExclusiveLock(dbFile);
      const held = new Promise((r) => setTimeout(r, 7_000)).then(() => lock.release()); // past the old 5 s busy wait
      release = () => held;
    };
    const answer = await send(10);
    await release();
    expect(answer.status).toBe(503);
    expect(answer.json).toMatchObject(busy);
    expect((await ledger()).open).toBe(1); // still reserved until the sweep
    expect(await sweep()).toMatchObject({ abandoned: 1 });
    expect(await db.callRecord.findFirst({ where: { userId, settlement: "settlement-failed" } })).toMatchObject({
      imageCount: 10,
      charged: 0,
      statusCode: 50010,
    });
    const after = await ledger();
    expect(after).toEqual({ used: before.used, charged: before.charged, open: 0 });
  });

  const chattr = (flag: string) => execFileSync("chattr", [flag, dbFile, dataDir]);
  const canChattr = (() => {
    try {
      execFileSync("chattr", ["-i", "/tmp"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();

  test.skipIf(!canChattr)("a read-only moment on a fresh connection: 50010 while it lasts, recovered by itself after", async () => {
    await db.$disconnect(); // as on a freshly started server: the next query opens the file
    chattr("+i");
    let during: Awaited<ReturnType<typeof send>> | undefined;
    try {
      during = await send();
    } finally {
      chattr("-i");
    }
    expect(during.status).toBe(503);
    expect(during.json).toMatchObject(busy);
    // Used to answer 500 (SQLITE_READONLY) on every call until a restart.
    let after = await send();
    if (after.status === 503) after = await send(); // the first one may still meet the closing connection
    expect(after.status).toBe(200);
    expect(after.json).toMatchObject({ statusCode: 0 });
    const l = await ledger();
    expect(l.used).toBe(l.charged);
  });
});
