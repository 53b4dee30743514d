import "server-only";

import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

import { databaseUrl, isPostgresUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Backup and restore of the embedded SQLite database: a consistent snapshot taken while the
// server keeps reading and writing (below). The copy is written beside its target and renamed into place,
// so a failed backup leaves no half-written file. PostgreSQL: pg_dump / pg_restore (README).

const sqlitePath = () => {
  if (isPostgresUrl(databaseUrl)) {
    throw new AppError("invalid", "DATABASE_URL is PostgreSQL: back up with pg_dump -Fc and restore with pg_restore (see README, Backups)");
  }
  return path.resolve(databaseUrl.replace(/^file:/, ""));
};

/** The file is a readable SQLite database with this application's tables (not a random file). */
function assertUsableDatabase(file: string) {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = conn.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new AppError("invalid", `${file} failed SQLite's quick_check: ${String(check)}`);
    if (!conn.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'QuotaPack'").get()) {
      throw new AppError("invalid", `${file} is not an OCR platform database (no QuotaPack table)`);
    }
  } finally {
    conn.close();
  }
}

// Backup: VACUUM INTO writes one read transaction's snapshot. The database runs in WAL mode
// (lib/db.ts), where writers never wait for readers, so the online backup API would restart at
// every write of a busy server and never finish; a WAL snapshot needs nobody to wait.
function snapshotDatabase(from: string, to: string): number {
  const source = new Database(from, { readonly: true, fileMustExist: true, timeout: 5_000 });
  try {
    source.prepare("VACUUM INTO ?").run(to);
  } finally {
    source.close();
  }
  const copy = new Database(to, { readonly: true, fileMustExist: true });
  try {
    return Number(copy.pragma("page_count", { simple: true }));
  } finally {
    copy.close();
  }
}

// Restore: the online backup API writes the target inside one SQLite transaction, so it is never
// half restored (the server is stopped: nothing writes the source or the target meanwhile).
async function copyDatabase(from: string, to: string): Promise<number> {
  const source = new Database(from, { readonly: true, fileMustExist: true, timeout: 5_000 });
  try {
    const { totalPages } = await source.backup(to);
    return totalPages;
  } finally {
    source.close();
  }
}

/** `admin backup --to FILE`: a consistent copy of the live database; refuses to overwrite FILE. */
export async function backupDatabase(to: string): Promise<{ file: string; bytes: number; pages: number }> {
  const from = sqlitePath();
  const file = path.resolve(to);
  if (fs.existsSync(file)) throw new AppError("conflict", `${file} exists; choose a new file`);
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    const pages = snapshotDatabase(from, partial);
    assertUsableDatabase(partial);
    fs.renameSync(partial, file);
    return { file, bytes: fs.statSync(file).size, pages };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/**
 * `admin restore --from FILE`: replaces the database's content with the backup's, through the
 * backup API (the target is written inside one SQLite transaction, so it is never half restored).
 * Stop the server first: requests in flight would settle against the old content. Calls still
 * reserved in the backup are released with a record by the next start (restart recovery).
 */
export async function restoreDatabase(from: string): Promise<{ file: string; pages: number }> {
  const target = sqlitePath();
  const file = path.resolve(from);
  if (!fs.existsSync(file)) throw new AppError("not_found", `${file} does not exist`);
  assertUsableDatabase(file);
  const pages = await copyDatabase(file, target);
  return { file: target, pages };
}
