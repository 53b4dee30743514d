import { z } from "zod";

import { CAPABILITY_IDS } from "@/lib/capabilities/catalog";

export const USAGE_RANGES = ["24h", "7d", "30d"] as const;
export type UsageRange = (typeof USAGE_RANGES)[number];

const optionalId = z.preprocess((v) => (v === "" || v === null || v === "all" ? undefined : v), z.string().max(64).optional());
const optionalCapability = z.preprocess((v) => (v === "" || v === null || v === "all" ? undefined : v), z.enum(CAPABILITY_IDS).optional());

/** GET /api/console/usage query. */
export const usageQuerySchema = z.object({
  range: z.enum(USAGE_RANGES).default("24h"),
  appId: optionalId,
  capabilityId: optionalCapability,
});
export type UsageQuery = z.infer<typeof usageQuerySchema>;

export const CALL_LOG_PAGE_SIZES = [10, 20, 50] as const;

/** GET /api/console/call-logs query. */
export const callLogQuerySchema = z.object({
  appId: optionalId,
  capabilityId: optionalCapability,
  status: z.preprocess((v) => (v === "" || v === null || v === "all" ? undefined : v), z.enum(["success", "failure"]).optional()),
  requestId: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().max(100).optional()),
  range: z.enum(USAGE_RANGES).default("7d"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().refine((n) => (CALL_LOG_PAGE_SIZES as readonly number[]).includes(n), "pageSize").default(20),
});
export type CallLogQuery = z.infer<typeof callLogQuerySchema>;
