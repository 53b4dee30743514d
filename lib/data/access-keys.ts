import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { randomHexKey } from "@/lib/crypto/random-keys";

export interface AccessKeyDto {
  id: string;
  accessKey: string;
  enabled: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const accessKeySelect = { id: true, accessKey: true, enabled: true, createdAt: true, lastUsedAt: true } as const;

/** Creates an AK/SK pair. The plain SK is returned once and stored only encrypted. */
export async function createAccessKey(opts: { userId: string }): Promise<AccessKeyDto & { secretKey: string }> {
  const secretKey = randomHexKey();
  const row = await db.accessKey.create({
    data: { userId: opts.userId, accessKey: randomHexKey(), secretKeyEnc: encryptSecret(secretKey) },
    select: accessKeySelect,
  });
  return { ...row, secretKey };
}

export function listAccessKeys(opts: { userId: string }): Promise<AccessKeyDto[]> {
  return db.accessKey.findMany({ where: { userId: opts.userId }, select: accessKeySelect, orderBy: { createdAt: "asc" } });
}

/** Enables or disables a key. With `userId`, only that user's key matches (others answer not found). */
export async function setAccessKeyEnabled(opts: { accessKey: string; enabled: boolean; userId?: string }): Promise<AccessKeyDto> {
  const { count } = await db.accessKey.updateMany({
    where: { accessKey: opts.accessKey, ...(opts.userId ? { userId: opts.userId } : {}) },
    data: { enabled: opts.enabled },
  });
  if (count === 0) throw new AppError("not_found", `No access key ${opts.accessKey}`, "AccessKey 不存在");
  return db.accessKey.findUniqueOrThrow({ where: { accessKey: opts.accessKey }, select: accessKeySelect });
}

export async function deleteAccessKey(opts: { accessKey: string; userId: string }): Promise<void> {
  const { count } = await db.accessKey.deleteMany({ where: { accessKey: opts.accessKey, userId: opts.userId } });
  if (count === 0) throw new AppError("not_found", `No access key ${opts.accessKey}`, "AccessKey 不存在");
}

// ---- console additions ----

import { decryptSecret } from "@/lib/crypto/secret-box";

/** Most AK/SK pairs one account may hold. */
export const MAX_ACCESS_KEYS_PER_USER = 5;

export const countAccessKeys = (opts: { userId: string }) => db.accessKey.count({ where: { userId: opts.userId } });

/** The user's oldest enabled key with its plain SK, for server-side signing (playground). Null when none. */
export async function getSigningAccessKey(opts: { userId: string }): Promise<{ accessKey: string; secretKey: string } | null> {
  const row = await db.accessKey.findFirst({
    where: { userId: opts.userId, enabled: true },
    orderBy: { createdAt: "asc" },
    select: { accessKey: true, secretKeyEnc: true },
  });
  if (!row) return null;
  return { accessKey: row.accessKey, secretKey: decryptSecret(row.secretKeyEnc) };
}
