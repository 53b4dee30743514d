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
