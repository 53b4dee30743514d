import "server-only";

import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/errors";

/**
 * Records a request id as spent for this access key until `expiresAt`. Returns false when the id
 * is already spent. A row that outlived its expiry but was not pruned yet is taken over.
 */
export async function spendReplayNonce(opts: { accessKey: string; requestId: string; expiresAt: Date; now: Date }): Promise<boolean> {
  try {
    await db.replayNonce.create({ data: { accessKey: opts.accessKey, requestId: opts.requestId, expiresAt: opts.expiresAt } });
    return true;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  const { count } = await db.replayNonce.updateMany({
    where: { accessKey: opts.accessKey, requestId: opts.requestId, expiresAt: { lt: opts.now } },
    data: { expiresAt: opts.expiresAt },
  });
  return count === 1;
}

export async function deleteExpiredReplayNonces(opts: { now: Date }): Promise<number> {
  const { count } = await db.replayNonce.deleteMany({ where: { expiresAt: { lt: opts.now } } });
  return count;
}
