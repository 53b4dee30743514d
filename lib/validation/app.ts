import { z } from "zod";

import { CAPABILITY_IDS } from "@/lib/capabilities/catalog";

export const appIdSchema = z.string().trim().min(1).max(64);

export const appCreateSchema = z.object({
  name: z.string().trim().min(1, "请输入应用名称").max(32, "应用名称最多 32 个字符"),
  description: z.string().trim().max(200, "应用概述最多 200 个字符").default(""),
});
export type AppCreateInput = z.infer<typeof appCreateSchema>;

export const appUpdateSchema = appCreateSchema.extend({ appId: appIdSchema });
export type AppUpdateInput = z.infer<typeof appUpdateSchema>;

export const MAX_APP_QPS = 100;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
// Loose IPv6 shape check (hex groups and "::"); the gateway parses entries strictly.
const IPV6 = /^(?=.*:)[0-9a-f:.]{2,45}$/i;

/** One allow-list entry: an IPv4/IPv6 address or a CIDR block. */
export function isIpOrCidr(entry: string): boolean {
  const [addr, prefix, extra] = entry.split("/");
  if (extra !== undefined || !addr) return false;
  const v4 = IPV4.test(addr);
  const v6 = !v4 && IPV6.test(addr) && (addr.match(/::/g)?.length ?? 0) <= 1;
  if (!v4 && !v6) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (v4 ? 32 : 128);
}

/** Splits a textarea's addresses (commas, spaces or new lines) into the stored comma-separated form. */
export const normalizeIpAllowList = (raw: string) =>
  raw
    .split(/[\s,，;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export const appSettingsSchema = z.object({
  appId: appIdSchema,
  qpsLimit: z.coerce.number().int("QPS 必须是整数").min(1, "QPS 至少为 1").max(MAX_APP_QPS, `QPS 最大为 ${MAX_APP_QPS}`),
  ipAllowList: z
    .string()
    .max(4000, "IP 白名单过长")
    .transform(normalizeIpAllowList)
    .refine((list) => list.length <= 100, "IP 白名单最多 100 条")
    .refine((list) => list.every(isIpOrCidr), { message: "IP 白名单包含无效的地址，请填写 IPv4/IPv6 地址或 CIDR 网段" })
    .transform((list) => [...new Set(list)].join(",")),
});
export type AppSettingsInput = z.input<typeof appSettingsSchema>;

export const openCapabilitySchema = z.object({ appId: appIdSchema, capabilityId: z.enum(CAPABILITY_IDS) });

export const revealSecretSchema = z.object({ appId: appIdSchema, password: z.string().min(1, "请输入登录密码").max(200) });
