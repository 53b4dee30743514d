import "server-only";

import { randomUUID } from "node:crypto";

import { db } from "@/lib/db";

// Readiness of the database: can this server write right now? A read is not enough: a SQLite
// connection opened read-only (immutable file) still reads, and a locked file may allow reads.
// The probe writes a row in a transaction it always rolls back.

class ProbeRollback extends Error {}

export async function probeDatabase(): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await db.$transaction(async (tx) => {
      await tx.replayNonce.create({ data: { accessKey: "readiness-probe", requestId: randomUUID(), expiresAt: new Date(0) } });
      throw new ProbeRollback();
    });
    return { ok: true }; // unreachable: the transaction always throws
  } catch (err) {
    if (err instanceof ProbeRollback) return { ok: true };
    const e = err as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
    return { ok: false, error: String(e.meta?.driverAdapterError?.cause?.originalCode ?? e.code ?? (err as Error).message) };
  }
}
