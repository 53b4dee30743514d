import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";

const migrate = (args: string[], env: Record<string, string>) =>
  JSON.parse(execFileSync(process.execPath, ["scripts/db/migrate.mjs", ...args], { env: { ...process.env, ...env } }).toString());

describe("database migrations (WebAssembly schema engine)", () => {
  test("a fresh SQLite file gets every migration once", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ocr-mig-"));
    const env = { DATA_DIR: dir, DATABASE_URL: "" };
    const first = migrate([], env);
    expect(first.applied.length).toBeGreaterThan(0);
    expect(migrate([], env)).toEqual({ applied: [] });
  });

  test("prisma/migrations is in sync with prisma/schema.prisma", () => {
    // `create` writes nothing when replaying the migrations already yields the schema.
    expect(migrate(["create", "drift-check"], {})).toEqual({ created: null });
  });
});

describe("call_rollups migration on an upgraded install", () => {
  test("fills the rollups from the call records already there", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ocr-upgrade-"));
    const file = path.join(dir, "ocr.db");
    // The install as it was: only the first migration applied.
    const oldMigrations = path.join(dir, "migrations");
    const first = fs
      .readdirSync("prisma/migrations")
      .filter((d) => /^\d+_/.test(d))
      .sort()[0]!;
    fs.cpSync(path.join("prisma/migrations", first), path.join(oldMigrations, first), { recursive: true });
    fs.copyFileSync("prisma/migrations/migration_lock.toml", path.join(oldMigrations, "migration_lock.toml"));
    const engineModule = path.resolve("scripts/db/schema-engine.mjs");
    const applyOld = `import fs from "node:fs"; import * as e from ${JSON.stringify(engineModule)};
      const engine = await e.openSchemaEngine(${JSON.stringify(`file:${file}`)}, fs.readFileSync("prisma/schema.prisma", "utf8"));
      await engine.applyMigrations({ migrationsList: e.readMigrationsList(${JSON.stringify(oldMigrations)}), filters: e.NO_FILTERS });
      engine.free();`;
    execFileSync(process.execPath, ["--input-type=module", "-e", applyOld]);

    const sqlite = new Database(file);
    sqlite
      .prepare(
        `INSERT INTO "User" (id, email, passwordHash, createdAt) VALUES ('u1', 'u@example.com', 'x', '2026-01-01T00:00:00.000+00:00')`,
      )
      .run();
    sqlite
      .prepare(
        `INSERT INTO "App" (id, userId, name, appKey, appSecretEnc, createdAt, updatedAt) VALUES ('a1', 'u1', 'a', 'k', 'x', '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00')`,
      )
      .run();
    const insert = sqlite.prepare(
      `INSERT INTO "CallRecord" (id, userId, appId, capabilityId, requestId, createdAt, latencyMs, requestBytes, responseBytes, imageCount, successCount, failCount, httpStatus, statusCode, charged)
       VALUES (?, 'u1', ?, 'general', ?, ?, ?, 100, 10, 1, ?, ?, ?, ?, ?)`,
    );
    insert.run("c1", "a1", "r1", "2026-03-01T10:05:00.000+00:00", 120, 1, 0, 200, 0, 1);
    insert.run("c2", "a1", "r2", "2026-03-01T10:59:59.999+00:00", 40_000, 0, 1, 429, 40029, 0);
    insert.run("c3", null, "r3", "2026-03-01T11:00:00.000+00:00", 80, 1, 0, 200, 0, 1); // its app was deleted
    sqlite.close();

    expect(migrate([], { DATA_DIR: dir, DATABASE_URL: `file:${file}` }).applied).toContainEqual(expect.stringMatching(/_call_rollups$/));
    const after = new Database(file, { readonly: true });
    const rows = after
      .prepare(
        `SELECT appId, hour, calls, successes, images, charged, latencySumMs, requestBytes, latLe200, latOver30000 FROM "CallRollup" ORDER BY hour, appId`,
      )
      .all();
    after.close();
    expect(rows).toEqual([
      {
        appId: "a1",
        hour: "2026-03-01T10:00:00.000+00:00",
        calls: 2,
        successes: 1,
        images: 2,
        charged: 1,
        latencySumMs: 40_120,
        requestBytes: 200,
        latLe200: 1,
        latOver30000: 1,
      },
      {
        appId: "",
        hour: "2026-03-01T11:00:00.000+00:00",
        calls: 1,
        successes: 1,
        images: 1,
        charged: 1,
        latencySumMs: 80,
        requestBytes: 100,
        latLe200: 0,
        latOver30000: 0,
      },
    ]);
  });
});
