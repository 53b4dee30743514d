import "server-only";

import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { CapabilityId } from "@/lib/capabilities/catalog";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { randomHexKey } from "@/lib/crypto/random-keys";

export interface AppDto {
  id: string;
  name: string;
  description: string;
  appKey: string;
  qpsLimit: number;
  ipAllowList: string;
  createdAt: Date;
  capabilities: CapabilityId[];
}

const appSelect = {
  id: true,
  name: true,
  description: true,
  appKey: true,
  qpsLimit: true,
  ipAllowList: true,
  createdAt: true,
  capabilities: { select: { capabilityId: true }, orderBy: { openedAt: "asc" } },
} as const;

type AppRow = { capabilities: { capabilityId: string }[] } & Omit<AppDto, "capabilities">;
const toDto = ({ capabilities, ...app }: AppRow): AppDto => ({
  ...app,
  capabilities: capabilities.map((c) => c.capabilityId as CapabilityId),
});

/** Creates an app. The plain AppSecret is returned once; it is stored encrypted. */
export async function createApp(opts: {
  userId: string;
  name: string;
  description?: string;
  capabilities?: CapabilityId[];
  qpsLimit?: number;
  ipAllowList?: string;
}): Promise<AppDto & { appSecret: string }> {
  const appSecret = randomHexKey();
  const row = await db.app.create({
    data: {
      userId: opts.userId,
      name: opts.name,
      description: opts.description ?? "",
      appKey: randomHexKey(),
      appSecretEnc: encryptSecret(appSecret),
      qpsLimit: opts.qpsLimit ?? env.DEFAULT_APP_QPS,
      ipAllowList: opts.ipAllowList ?? "",
      capabilities: { create: (opts.capabilities ?? []).map((capabilityId) => ({ capabilityId })) },
    },
    select: appSelect,
  });
  return { ...toDto(row), appSecret };
}

export async function listApps(opts: { userId: string }): Promise<AppDto[]> {
  const rows = await db.app.findMany({ where: { userId: opts.userId }, select: appSelect, orderBy: { createdAt: "desc" } });
  return rows.map(toDto);
}

/** The user's app, or null for a missing app and for another user's app alike. */
export async function getApp(opts: { userId: string; appId: string }): Promise<AppDto | null> {
  const row = await db.app.findFirst({ where: { id: opts.appId, userId: opts.userId }, select: appSelect });
  return row ? toDto(row) : null;
}

export async function getAppOrThrow(opts: { userId: string; appId: string }): Promise<AppDto> {
  const app = await getApp(opts);
  if (!app) throw new AppError("not_found", `No app ${opts.appId}`, "应用不存在");
  return app;
}

/** Opens a capability on an app; opening an already opened one is a no-op (the original cannot close them). */
export async function openCapability(opts: { userId: string; appId: string; capabilityId: CapabilityId }): Promise<AppDto> {
  await getAppOrThrow(opts);
  await db.appCapability.upsert({
    where: { appId_capabilityId: { appId: opts.appId, capabilityId: opts.capabilityId } },
    create: { appId: opts.appId, capabilityId: opts.capabilityId },
    update: {},
  });
  return getAppOrThrow(opts);
}

// ---- console additions (app edit/delete, settings, AppSecret) ----

import { decryptSecret } from "@/lib/crypto/secret-box";

/** Renames / re-describes the user's app; another user's app answers not found. */
export async function updateApp(opts: { userId: string; appId: string; name: string; description: string }): Promise<AppDto> {
  const { count } = await db.app.updateMany({
    where: { id: opts.appId, userId: opts.userId },
    data: { name: opts.name, description: opts.description },
  });
  if (count === 0) throw new AppError("not_found", `No app ${opts.appId}`, "应用不存在");
  return getAppOrThrow(opts);
}

/** QPS limit and IP allow-list (comma-separated addresses or CIDR blocks; "" = any address). */
export async function updateAppSettings(opts: { userId: string; appId: string; qpsLimit: number; ipAllowList: string }): Promise<AppDto> {
  const { count } = await db.app.updateMany({
    where: { id: opts.appId, userId: opts.userId },
    data: { qpsLimit: opts.qpsLimit, ipAllowList: opts.ipAllowList },
  });
  if (count === 0) throw new AppError("not_found", `No app ${opts.appId}`, "应用不存在");
  return getAppOrThrow(opts);
}

/** Deletes the app; its call records stay (appId set null) so usage history keeps adding up. */
export async function deleteApp(opts: { userId: string; appId: string }): Promise<void> {
  const { count } = await db.app.deleteMany({ where: { id: opts.appId, userId: opts.userId } });
  if (count === 0) throw new AppError("not_found", `No app ${opts.appId}`, "应用不存在");
}

/** The plain AppSecret. Callers must re-check the user's password first. */
export async function revealAppSecret(opts: { userId: string; appId: string }): Promise<string> {
  const row = await db.app.findFirst({ where: { id: opts.appId, userId: opts.userId }, select: { appSecretEnc: true } });
  if (!row) throw new AppError("not_found", `No app ${opts.appId}`, "应用不存在");
  return decryptSecret(row.appSecretEnc);
}
