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

const CURSOR = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/;

/**
 * A call log page boundary: the createdAt (epoch ms) and id of a row, "<ms>.<id>". Pages are
 * keyset pages (newest first, id breaks ties), so a page costs the same however deep it is.
 */
export const callLogCursor = {
  encode: (row: { createdAt: Date | string; id: string }) => `${new Date(row.createdAt).getTime()}.${row.id}`,
  /** Only for strings the query schema accepted. */
  decode: (cursor: string) => {
    const [, ms, id] = CURSOR.exec(cursor)!;
    return { createdAt: new Date(Number(ms)), id: id! };
  },
};

/** The call log's filters: the page's URL, the log's query and its CSV export share them. */
export const callLogFilterSchema = z.object({
  appId: optionalId,
  capabilityId: optionalCapability,
  status: z.preprocess((v) => (v === "" || v === null || v === "all" ? undefined : v), z.enum(["success", "failure"]).optional()),
  requestId: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().max(100).optional()),
  range: z.enum(USAGE_RANGES).default("7d"),
});
export type CallLogFilters = z.infer<typeof callLogFilterSchema>;

/** GET /api/console/call-logs query. `direction` says which side of `cursor` to read: older (next) or newer (prev). */
export const callLogQuerySchema = callLogFilterSchema.extend({
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (CALL_LOG_PAGE_SIZES as readonly number[]).includes(n), "pageSize")
    .default(20),
  cursor: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().regex(CURSOR, "cursor").optional()),
  direction: z.enum(["next", "prev"]).default("next"),
});
export type CallLogQuery = z.infer<typeof callLogQuerySchema>;
