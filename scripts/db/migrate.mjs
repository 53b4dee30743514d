#!/usr/bin/env node
// Brings the database at DATABASE_URL (default: SQLite file data/ocr.db) up to prisma/schema.prisma.
//   node scripts/db/migrate.mjs                 apply pending migrations (SQLite) / push the schema (PostgreSQL)
//   node scripts/db/migrate.mjs create <name>   write prisma/migrations/<timestamp>_<name>/migration.sql from the schema change
// SQLite keeps versioned migrations in prisma/migrations; PostgreSQL deployments are brought in line
// with `schemaPush`, which refuses destructive changes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { databaseUrlOf, pickEnv } from "../../lib/env/schema.mjs";
import { NO_FILTERS, isPostgresUrl, openSchemaEngine, readMigrationsList, schemaForUrl } from "./schema-engine.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const schemaPath = path.join(root, "prisma/schema.prisma");
const migrationsDir = path.join(root, "prisma/migrations");

/** The app's database (lib/env/schema.mjs: DATABASE_URL, else ocr.db in DATA_DIR). */
export function defaultDatabaseUrl() {
  return databaseUrlOf(pickEnv(["DATA_DIR", "DATABASE_URL"]));
}

/** Applies migrations (SQLite) or pushes the schema (PostgreSQL). Returns what it did. */
export async function migrateDatabase(url = defaultDatabaseUrl()) {
  if (!isPostgresUrl(url) && (await sqliteUpToDate(url))) return { applied: [] };
  const schemaText = schemaForUrl(fs.readFileSync(schemaPath, "utf8"), url);
  const engine = await openSchemaEngine(url, schemaText);
  try {
    if (isPostgresUrl(url)) {
      const out = await engine.schemaPush({
        force: false,
        schema: { files: [{ path: "schema.prisma", content: schemaText }] },
        filters: NO_FILTERS,
      });
      if (out.unexecutable?.length) throw new Error(`Schema push refused: ${out.unexecutable.join("; ")}`);
      if (out.warnings?.length) throw new Error(`Schema push needs a manual decision: ${out.warnings.join("; ")}`);
      await runPostgresBackfills(url);
      return { pushed: out.executedSteps };
    }
    const out = await engine.applyMigrations({ migrationsList: readMigrationsList(migrationsDir), filters: NO_FILTERS });
    return { applied: out.appliedMigrationNames };
  } finally {
    engine.free();
  }
}

// The schema engine takes SQLite's EXCLUSIVE locking mode, which in WAL mode (lib/db.ts) waits
// for every other connection to close: the admin CLI, which checks the schema on each run, would
// fail beside a running server. A read of the migrations table tells whether there is anything to do.
async function sqliteUpToDate(url) {
  const file = url.replace(/^file:/, "");
  if (!fs.existsSync(file)) return false;
  const { default: Database } = await import("better-sqlite3");
  const conn = new Database(file, { readonly: true, timeout: 5_000 });
  try {
    const hasTable = conn.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!hasTable) return false;
    const done = new Set(
      conn
        .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
        .all()
        .map((row) => row.migration_name),
    );
    return readMigrationsList(migrationsDir).migrationDirectories.every((dir) => done.has(dir.path));
  } finally {
    conn.close();
  }
}

// Data steps that SQLite's versioned migrations carry in their SQL (e.g. filling CallRollup from
// existing CallRecords); a push only changes the schema. Each script guards itself, so reruns write nothing.
async function runPostgresBackfills(url) {
  const dir = path.join(root, "prisma/backfill");
  const scripts = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".postgresql.sql"))
    .sort();
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const file of scripts) await client.query(fs.readFileSync(path.join(dir, file), "utf8"));
  } finally {
    await client.end();
  }
}

async function createMigration(name) {
  const schemaText = fs.readFileSync(schemaPath, "utf8");
  // The engine replays the migration history on a scratch database (its "shadow database").
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ocr-migrate-"));
  const engine = await openSchemaEngine(`file:${path.join(scratch, "shadow.db")}`, schemaText);
  try {
    // Replay the history on the scratch database, then diff that database against the schema.
    await engine.applyMigrations({ migrationsList: readMigrationsList(migrationsDir), filters: NO_FILTERS });
    const files = [{ path: "schema.prisma", content: schemaText }];
    const res = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: root },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = res.stdout ?? "";
    if (!sql.trim() || /empty migration/i.test(sql)) return { created: null };
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name.replace(/\W+/g, "_")}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    fs.writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "sqlite"\n');
    return { created: path.relative(root, dir) };
  } finally {
    engine.free();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [cmd, name] = process.argv.slice(2);
  const run = cmd === "create" ? createMigration(name || "change") : migrateDatabase();
  run.then(
    (out) => console.log(JSON.stringify(out)),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
