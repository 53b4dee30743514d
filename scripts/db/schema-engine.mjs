// Prisma's schema engine compiled to WebAssembly, driven through a driver adapter.
// Why: Prisma 7's native engine binaries are downloaded at install time, which cannot happen
// offline; the wasm engine ships inside an npm package and speaks to the database via the same
// driver adapters the app uses at runtime (better-sqlite3 / pg).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

import { isPostgresUrl } from "../../lib/env/schema.mjs";

export { isPostgresUrl };

/** The schema text for the provider of `url` (the checked-in schema says sqlite). */
export function schemaForUrl(schemaText, url) {
  const provider = isPostgresUrl(url) ? "postgresql" : "sqlite";
  return schemaText.replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"[^"]+"/, `$1"${provider}"`);
}

async function createAdapterFactory(url) {
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  if (isPostgresUrl(url)) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { default: pg } = await import("pg");
    return bindMigrationAwareSqlAdapterFactory(new PrismaPg(new (introspectionSafePool(pg))({ connectionString: url })));
  }
  const file = url.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  return bindMigrationAwareSqlAdapterFactory(new PrismaBetterSqlite3({ url: file }));
}

// The schema engine's PostgreSQL introspection selects catalog columns of the internal one-byte
// type "char" (OID 18), which @prisma/adapter-pg 7.10 does not map and rejects. Their values are
// plain strings, so a pool that reports them as text (OID 25) lets introspection, and with it
// `schemaPush`, work. Only the migration script uses this pool; the app never reads such columns.
const PG_INTERNAL_CHAR_OID = 18;
const PG_TEXT_OID = 25;
function introspectionSafePool(pg) {
  return class extends pg.Pool {
    async query(...args) {
      const result = await super.query(...args);
      for (const field of result?.fields ?? []) if (field.dataTypeID === PG_INTERNAL_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
      return result;
    }
  };
}

let gluePromise;
function loadGlue() {
  gluePromise ??= (async () => {
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const glue = await import(path.join(dir, "schema_engine_bg.js"));
    const bytes = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start?.();
    return glue;
  })();
  return gluePromise;
}

/** Opens a schema engine bound to the database at `url`, with `schemaText` as its datamodel. */
export async function openSchemaEngine(url, schemaText) {
  const glue = await loadGlue();
  const adapter = await createAdapterFactory(url);
  return glue.SchemaEngine.new({ datamodels: [["schema.prisma", schemaText]] }, () => {}, adapter);
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** Reads prisma/migrations into the engine's MigrationList shape. */
export function readMigrationsList(baseDir) {
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const dirs = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = path.join(baseDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok", value: fs.readFileSync(file, "utf8") }
            : { tag: "error", value: "missing migration.sql" },
        },
      };
    }),
  };
}
