import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Points DATA_DIR and DATABASE_URL at a fresh, migrated SQLite file for this test file.
 * Call it before importing anything that reads `@/lib/env` (use dynamic `await import(...)` after).
 */
export function useTempDatabase(): { dataDir: string; databaseUrl: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ocr-test-"));
  const databaseUrl = `file:${path.join(dataDir, "test.db")}`;
  process.env.DATA_DIR = dataDir;
  process.env.DATABASE_URL = databaseUrl;
  execFileSync(process.execPath, [path.resolve("scripts/db/migrate.mjs")], { env: { ...process.env }, stdio: "ignore" });
  return { dataDir, databaseUrl };
}
