import { beforeAll, expect, test } from "vitest";

import { useTempDatabase } from "@/tests/support/temp-db";

// The embedded database commits without an fsync per commit (WAL, synchronous=NORMAL): commits
// run on the event loop thread, and a synced commit per call held /api/health for seconds under
// a burst of calls (issue 8). Checked on a connection the server opens, and again after a reopen.
const sqlite = !process.env.TEST_POSTGRES_URL;
let db: typeof import("@/lib/db")["db"];

beforeAll(async () => {
  useTempDatabase();
  ({ db } = await import("@/lib/db"));
});

async function pragmas() {
  const [journal] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
  const [sync] = await db.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
  return { journal: journal?.journal_mode, synchronous: Number(sync?.synchronous) };
}

test.runIf(sqlite)("server connections use WAL with synchronous=NORMAL, also after the connection is reopened", async () => {
  expect(await pragmas()).toEqual({ journal: "wal", synchronous: 1 });
  await db.$disconnect();
  expect(await pragmas()).toEqual({ journal: "wal", synchronous: 1 });
});
