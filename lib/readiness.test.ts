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

test.skipIf(!sqlite)("not ready while the database's disk is read-only; ready again by itself after", async () => {
  // As on a freshly started server: the next query opens the file. In WAL mode a connection cannot
  // open a database whose directory it cannot write (the -shm file), so reads fail too meanwhile.
  const dbFile = path.join(dataDir, "test.db");
  await db.$disconnect();
  const files = [dbFile, dataDir];
  execFileSync("chattr", ["+i", ...files]);
  try {
    expect(await checkReadiness()).toMatchObject({ ready: false, checks: { database: "unavailable" } });
  } finally {
    execFileSync("chattr", ["-i", ...files]);
  }
  await checkReadiness(); // meets the connection that is being reopened
  expect((await checkReadiness()).ready).toBe(true);
});
