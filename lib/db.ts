import "server-only";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

import { needsReopen } from "@/lib/db-faults";
import { databaseUrl, env, isPostgresUrl } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/observability/logger";

// better-sqlite3 waits for another process's lock synchronously, blocking the event loop (its
// default is 5 s). The server waits at most SQLITE_BUSY_TIMEOUT_MS (10) in the driver; callers
// that should wait longer retry with timers (lib/db-faults.ts), everything else answers
// "database unavailable" at once. The admin CLI, which has no event loop to keep free, waits 5 s.

// Commits run on the event loop thread too: WAL with synchronous=NORMAL appends to the log
// without an fsync per commit, so a burst of calls does not hold every other request while the
// disk syncs (SQLITE_SYNCHRONOUS in .env.example). journal_mode is stored in the file; synchronous
// is per connection, hence both on every connection the client opens (also after a reopen).
type SqliteFactory = PrismaBetterSqlite3;
function withConnectionPragmas(factory: SqliteFactory, script: string): SqliteFactory {
  const connect = factory.connect.bind(factory);
  return Object.assign(factory, {
    async connect() {
      const adapter = await connect();
      try {
        await adapter.executeScript(script);
      } catch (err) {
        await adapter.dispose();
        throw err;
      }
      return adapter;
    },
  });
}

function createClient() {
  // The generated client matches the provider of DATABASE_URL (scripts/db/generate.mjs regenerates it).
  const adapter = isPostgresUrl(databaseUrl)
    ? new PrismaPg({ connectionString: databaseUrl })
    : withConnectionPragmas(
        new PrismaBetterSqlite3({ url: databaseUrl.replace(/^file:/, ""), timeout: env.SQLITE_BUSY_TIMEOUT_MS }),
        `PRAGMA journal_mode = WAL; PRAGMA synchronous = ${env.SQLITE_SYNCHRONOUS.toUpperCase()};`,
      );
  const base = new PrismaClient({
    adapter,
    // Errors are thrown to the caller, which decides (expected P2002s are not worth a log line).
    log: ["warn"],
  });
  // A SQLite connection opened while the file was read-only stays read-only after the disk is
  // writable again (SQLITE_READONLY on every write until a restart). Closing it makes the next
  // query open a fresh connection, so the server recovers by itself.
  let reopening = false;
  const reopen = () => {
    if (reopening) return;
    reopening = true;
    base
      .$disconnect()
      .catch((err: unknown) => logger.error({ err }, "database: reopening the connection failed"))
      .finally(() => {
        reopening = false;
      });
  };
  return base.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (err) {
          if (needsReopen(err)) reopen();
          throw err;
        }
      },
    },
  });
}

const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createClient> };

export const db = globalForPrisma.prisma ?? createClient();
globalForPrisma.prisma = db;

/** The client handed to `db.$transaction(async (tx) => …)` callbacks. */
export type DbTransaction = Parameters<Parameters<typeof db.$transaction>[0]>[0];
