import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Points DATA_DIR / DATABASE_URL at a fresh migrated SQLite file. Call before anything imports
 * `@/lib/env` or `@/lib/db` (import those dynamically afterwards); vitest runs each file in its own process.
 * Migrations run in a child process so the schema engine's connection (and its lock) ends with it.
 */
export async function useTempDatabase(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ocr-gateway-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  process.env.DATA_DIR = dir;
  process.env.DATABASE_URL = url;
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, "../../../scripts/db/migrate.mjs")], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return dir;
}
