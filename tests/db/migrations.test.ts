import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

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
