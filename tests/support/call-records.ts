type Db = typeof import("@/lib/db")["db"];

export interface RawCallRecord {
  id: string;
  userId: string;
  appId: string;
  capabilityId: string;
  requestId: string;
  createdAt: Date;
  latencyMs: number;
  requestBytes: number;
  responseBytes: number;
  imageCount: number;
  successCount: number;
  failCount: number;
  httpStatus: number;
  statusCode: number;
}

/**
 * Inserts many call records quickly: multi-row INSERTs of 500 (Prisma's createMany took minutes for
 * 50 000 rows on SQLite). Dates go in the form the SQLite adapter writes (ISO text), which
 * PostgreSQL also reads. Test data only: values are inlined, not escaped.
 */
export async function insertCallRecords(db: Db, rows: RawCallRecord[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const literal = (v: unknown) =>
    typeof v === "number" ? String(v) : `'${v instanceof Date ? v.toISOString().replace("Z", "+00:00") : String(v)}'`;
  for (let k = 0; k < rows.length; k += 500) {
    const values = rows.slice(k, k + 500).map((r) => `(${columns.map((c) => literal(r[c as keyof RawCallRecord])).join(", ")})`);
    await db.$executeRawUnsafe(`INSERT INTO "CallRecord" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${values.join(", ")}`);
  }
}
