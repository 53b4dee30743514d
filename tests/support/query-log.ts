import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Installs, as the app's `db` (lib/db.ts reuses globalThis.prisma), a client that records every
 * SQL statement it sends. Call after useTempDatabase() and before importing `@/lib/db`.
 */
export function useQueryLog(databaseUrl: string): { queries: string[] } {
  const adapter = /^postgres(ql)?:/i.test(databaseUrl)
    ? new PrismaPg({ connectionString: databaseUrl })
    : new PrismaBetterSqlite3({ url: databaseUrl.replace(/^file:/, "") });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  const log = { queries: [] as string[] };
  client.$on("query", (e) => log.queries.push(e.query));
  (globalThis as { prisma?: unknown }).prisma = client;
  return log;
}

/** SQLite's EXPLAIN QUERY PLAN lines of each logged SELECT that reads `table`. */
export function sqlitePlans(databaseUrl: string, sql: string[], table: string): string[] {
  const file = new Database(databaseUrl.replace(/^file:/, ""), { readonly: true });
  try {
    return sql
      .filter((q) => q.includes(table) && /^\s*SELECT/i.test(q))
      .flatMap((q) => file.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...Array.from(q.match(/\?/g) ?? [], () => null)) as { detail: string }[])
      .map((r) => r.detail);
  } finally {
    file.close();
  }
}
