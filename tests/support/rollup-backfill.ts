import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * The INSERT … SELECT an upgrade runs to fill CallRollup from CallRecord: SQLite's is part of the
 * call_rollups migration, PostgreSQL's is in prisma/backfill (run by scripts/db/migrate.mjs).
 */
export function rollupBackfillSql(): string {
  if (process.env.TEST_POSTGRES_URL) return fs.readFileSync(path.join(root, "prisma/backfill/call-rollups.postgresql.sql"), "utf8");
  const dir = fs.readdirSync(path.join(root, "prisma/migrations")).find((d) => d.endsWith("_call_rollups"))!;
  const sql = fs.readFileSync(path.join(root, "prisma/migrations", dir, "migration.sql"), "utf8");
  return sql.slice(sql.indexOf('INSERT INTO "CallRollup"'));
}

/** The call_details migration's correction: batches whose every image failed leave the rollups' successes (SQLite). */
export function successCorrectionSql(): string {
  const dir = fs.readdirSync(path.join(root, "prisma/migrations")).find((d) => d.endsWith("_call_details"))!;
  const sql = fs.readFileSync(path.join(root, "prisma/migrations", dir, "migration.sql"), "utf8");
  return sql.slice(sql.indexOf('UPDATE "CallRollup"'));
}
