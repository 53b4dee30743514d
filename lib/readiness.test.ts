import { execFileSync } from "node:child_process";
import path from "node:path";

import { beforeAll, expect, test, vi } from "vitest";

import { holdExclusiveLock } from "@/tests/support/sqlite-lock";
import { useTempDatabase } from "@/tests/support/temp-db";

vi.mock("@/lib/ocr/engine", () => ({ isOcrEngineReady: () => true }));

let dataDir = "";
let db: typeof import("@/lib/db")["db"];
let checkReadiness: typeof import("./readiness")["checkReadiness"];
const sqlite = !process.env.TEST_POSTGRES_URL;

beforeAll(async () => {
  ({ dataDir } = useTempDatabase());
  ({ db } = await import("@/lib/db"));
  ({ checkReadiness } = await import("./readiness"));
});

test("ready when models are loaded and the database is writable; the probe leaves nothing behind", async () => {
  expect(await checkReadiness()).toEqual({ ready: true, checks: { models: "ok", database: "ok", redis: "off" } });
  expect(await db.replayNonce.count()).toBe(0);
});

test.skipIf(!sqlite)("not ready, quickly, while another process holds the database", async () => {
  const lock = await holdExclusiveLock(path.join(dataDir, "test.db"));
  try {
    const started = performance.now();
    const readiness = await checkReadiness();
    expect(performance.now() - started).toBeLessThan(500);
    expect(readiness).toMatchObject({ ready: false, checks: { database: "unavailable" }, errors: { database: "SQLITE_BUSY" } });
  } finally {
    await lock.release();
  }
  expect((await checkReadiness()).ready).toBe(true);
});

test.skipIf(!sqlite)("not ready while the database file is read-only, although reads still work", async () => {
  const files = [path.join(dataDir, "test.db"), dataDir];
  await db.$disconnect();
  execFileSync("chattr", ["+i", ...files]);
  try {
    expect(await db.user.count()).toBe(0);
    expect(await checkReadiness()).toMatchObject({ ready: false, checks: { database: "unavailable" } });
  } finally {
    execFileSync("chattr", ["-i", ...files]);
  }
  await checkReadiness(); // meets the connection that is being reopened
  expect((await checkReadiness()).ready).toBe(true);
});
