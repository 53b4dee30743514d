import "server-only";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

import { databaseUrl, isPostgresUrl } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient() {
  // The generated client matches the provider of DATABASE_URL (scripts/db/generate.mjs regenerates it).
  const adapter = isPostgresUrl(databaseUrl)
    ? new PrismaPg({ connectionString: databaseUrl })
    : new PrismaBetterSqlite3({ url: databaseUrl.replace(/^file:/, "") });
  return new PrismaClient({
    adapter,
    // Errors are thrown to the caller, which decides (expected P2002s are not worth a log line).
    log: ["warn"],
  });
}

const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createClient> };

export const db = globalForPrisma.prisma ?? createClient();
globalForPrisma.prisma = db;
