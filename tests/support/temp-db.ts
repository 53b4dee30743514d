import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Points DATA_DIR and DATABASE_URL at a fresh, migrated database for this test file (vitest runs
 * each file in its own process). Call it before importing anything that reads `@/lib/env`, then
 * import those dynamically.
 *
 * SQLite by default. With TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres)
 * each file gets its own new PostgreSQL database instead; the Prisma client must then have been
 * generated for PostgreSQL (`DATABASE_URL=<that url> node scripts/db/generate.mjs`).
 * Migrations run in a child process, so the schema engine's connection (and any lock) ends with it.
 */
export function useTempDatabase(): { dataDir: string; databaseUrl: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ocr-test-"));
  const databaseUrl = process.env.TEST_POSTGRES_URL
    ? createPostgresDatabase(process.env.TEST_POSTGRES_URL)
    : `file:${path.join(dataDir, "test.db")}`;
  process.env.DATA_DIR = dataDir;
  process.env.DATABASE_URL = databaseUrl;
  if (process.env.TEST_POSTGRES_URL) {
    // lib/env requires shared keys with PostgreSQL (instances must agree); any key will do for one test file.
    process.env.AUTH_SECRET ||= randomBytes(32).toString("hex");
    process.env.SECRET_ENCRYPTION_KEY ||= randomBytes(32).toString("hex");
  }
  execFileSync(process.execPath, [path.join(root, "scripts/db/migrate.mjs")], {
    env: { ...process.env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { dataDir, databaseUrl };
}

function createPostgresDatabase(serverUrl: string): string {
  const name = `ocr_test_${randomBytes(6).toString("hex")}`;
  const script = `const pg=require("pg");const c=new pg.Client({connectionString:process.argv[1]});c.connect().then(()=>c.query('CREATE DATABASE "${name}"')).then(()=>c.end()).catch(e=>{console.error(e.message);process.exit(1)})`;
  execFileSync(process.execPath, ["-e", script, serverUrl], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
