import { spawn } from "node:child_process";
import path from "node:path";
import { beforeAll, expect, test } from "vitest";

import { useTempDatabase } from "@/tests/support/temp-db";

// Issue 13: kill -9 while requests are being recognised. Their reserved calls must not stay
// charged without a record: the restarted server releases them, each with a record saying so.

const root = path.resolve(import.meta.dirname, "../..");
type Db = typeof import("@/lib/db")["db"];
let db: Db;

beforeAll(async () => {
  useTempDatabase();
  process.env.PORT = "3131"; // the child is "this server" (same host and port) before its restart
  ({ db } = await import("@/lib/db"));
  await db.capability.create({ data: { id: "general", name: "通用型OCR", status: "商用", apiId: "2f3p1pnxpqm8" } });
});

function runUntilReserved(userId: string, appId: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(import.meta.dirname, "reserve-and-hang.ts"), userId, appId],
    {
      cwd: root,
      env: process.env,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      if (!chunk.toString().includes("reserved 41")) return;
      child.kill("SIGKILL");
      child.on("exit", () => resolve());
    });
    child.on("exit", (code, signal) => signal !== "SIGKILL" && reject(new Error(`child exited ${code}`)));
  });
}

test("calls reserved by a killed server are released on restart, each with a record", async () => {
  const user = await db.user.create({ data: { email: "k@example.com", passwordHash: "x" } });
  const app = await db.app.create({ data: { userId: user.id, name: "a", appKey: "k", appSecretEnc: "x" } });
  const pack = await db.quotaPack.create({
    data: { userId: user.id, capabilityId: "general", kind: "granted", total: 1000, validTo: new Date(Date.now() + 86_400_000) },
  });

  await runUntilReserved(user.id, app.id);
  expect((await db.quotaPack.findUniqueOrThrow({ where: { id: pack.id } })).used).toBe(90); // the fault: charged, no record
  expect(await db.callRecord.count()).toBe(0);

  const { releaseReservationsOfPreviousRun } = await import("@/lib/data/reservation-recovery");
  expect(await releaseReservationsOfPreviousRun(new Date())).toBe(41);

  const records = await db.callRecord.findMany();
  expect(records).toHaveLength(41);
  expect(records.every((r) => r.settlement === "restart" && r.statusCode === 50000 && r.charged === 0)).toBe(true);
  expect(records.map((r) => r.imageCount).sort((a, b) => b - a)[0]).toBe(50);
  const used = (await db.quotaPack.findUniqueOrThrow({ where: { id: pack.id } })).used;
  expect(used).toBe(records.reduce((sum, r) => sum + r.charged, 0));
  expect(await db.quotaReservation.count()).toBe(0);
  // A second recovery (another restart) finds nothing left to release.
  expect(await releaseReservationsOfPreviousRun(new Date())).toBe(0);
});
