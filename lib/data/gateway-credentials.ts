import "server-only";

import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { logger } from "@/lib/observability/logger";

// The two lookups the signature and appkey steps need, with exactly the columns they use.

export interface SigningKey {
  userId: string;
  accessKey: string;
  secretKey: string;
}

/**
 * An access key with its decrypted SK when enabled; a disabled one only says whose it is (both
 * answer 10002, with different details); null when unknown.
 */
export async function getSigningKey(accessKey: string): Promise<SigningKey | { disabled: true; userId: string } | null> {
  const row = await db.accessKey.findUnique({
    where: { accessKey },
    select: { userId: true, accessKey: true, secretKeyEnc: true, enabled: true },
  });
  if (!row) return null;
  if (!row.enabled) return { disabled: true, userId: row.userId };
  return { userId: row.userId, accessKey: row.accessKey, secretKey: decryptSecret(row.secretKeyEnc) };
}

export interface GatewayApp {
  id: string;
  userId: string;
  qpsLimit: number;
  ipAllowList: string;
  capabilities: string[];
}

export async function getGatewayApp(appKey: string): Promise<GatewayApp | null> {
  const row = await db.app.findUnique({
    where: { appKey },
    select: { id: true, userId: true, qpsLimit: true, ipAllowList: true, capabilities: { select: { capabilityId: true } } },
  });
  return row ? { ...row, capabilities: row.capabilities.map((c) => c.capabilityId) } : null;
}

/** Marks the key as used (console "last used"); best effort, never delays or fails a call. */
export function touchAccessKey(accessKey: string): void {
  db.accessKey
    .update({ where: { accessKey }, data: { lastUsedAt: new Date() } })
    .catch((err: unknown) => logger.error({ err }, "lastUsedAt update failed"));
}
