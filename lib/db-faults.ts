import "server-only";

// Which database errors mean "the database is unavailable for now" (locked by another process,
// read-only or failing disk, server unreachable) rather than a bug or a client's mistake, and a
// bounded asynchronous retry for them. The SQLite driver is synchronous, so waiting for a lock
// happens here with timers (the event loop stays free), never in the driver's busy timeout.

/** Seconds a client is asked to wait (Retry-After) when the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

// P1001 unreachable, P1002/P1008 timed out (SQLITE_BUSY surfaces as P1008), P1017 connection
// closed, P2024 pool timeout, P2028 transaction could not start or expired (rolled back).
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const UNAVAILABLE_SQLITE = /^SQLITE_(BUSY|LOCKED|READONLY|IOERR|CANTOPEN|FULL|PROTOCOL)/;
const UNAVAILABLE_DRIVER_KINDS = new Set(["SocketTimeout", "DatabaseNotReachable", "ConnectionClosed", "TooManyConnections"]);
/** A connection that hit these may stay broken (opened read-only while the file was immutable): reopen it. */
const REOPEN_SQLITE = /^SQLITE_(READONLY|IOERR|CANTOPEN)/;
/** Write conflict or deadlock between transactions: safe to run the transaction again. */
const WRITE_CONFLICT = "P2034";

interface ErrorShape {
  code?: unknown;
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } };
  cause?: ErrorShape & { originalCode?: unknown; kind?: unknown };
}

function codesOf(err: unknown): { prisma?: string; driver?: string; kind?: string } {
  const e = (err ?? {}) as ErrorShape;
  const cause = e.meta?.driverAdapterError?.cause ?? e.cause?.cause ?? e.cause;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  return {
    prisma: str(e.code),
    // better-sqlite3 errors thrown directly carry their SQLite code as `code`.
    driver:
      str((cause as { originalCode?: unknown } | undefined)?.originalCode) ??
      (str(e.code)?.startsWith("SQLITE_") ? str(e.code) : undefined),
    kind: str((cause as { kind?: unknown } | undefined)?.kind),
  };
}

export function isDatabaseUnavailable(err: unknown): boolean {
  const { prisma, driver, kind } = codesOf(err);
  return (
    (prisma !== undefined && UNAVAILABLE_PRISMA_CODES.has(prisma)) ||
    (driver !== undefined && UNAVAILABLE_SQLITE.test(driver)) ||
    (kind !== undefined && UNAVAILABLE_DRIVER_KINDS.has(kind))
  );
}

export function needsReopen(err: unknown): boolean {
  const { driver } = codesOf(err);
  return driver !== undefined && REOPEN_SQLITE.test(driver);
}

export const isWriteConflict = (err: unknown) => codesOf(err).prisma === WRITE_CONFLICT;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` (a whole transaction, so a retry starts it afresh) again after transient failures
 * (database unavailable, write conflicts, or `alsoRetry`) with exponential backoff, until
 * `windowMs` has passed; then the last error is thrown.
 */
export async function withDatabaseRetry<T>(
  fn: () => Promise<T>,
  opts: { windowMs: number; alsoRetry?: (err: unknown) => boolean },
): Promise<T> {
  const deadline = Date.now() + opts.windowMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isDatabaseUnavailable(err) && !isWriteConflict(err) && !opts.alsoRetry?.(err)) throw err;
      const delay = Math.min(400, 10 * 2 ** attempt) * (0.5 + Math.random());
      if (Date.now() + delay > deadline) throw err;
      await sleep(delay);
    }
  }
}
