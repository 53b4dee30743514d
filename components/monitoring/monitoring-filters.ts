import type { CapabilityId } from "@/lib/capabilities/catalog";
import { CALL_LOG_PAGE_SIZES, type CallLogFilters, callLogFilterSchema, USAGE_RANGES, type UsageRange } from "@/lib/validation/usage-query";

// The monitoring page's filters live in its URL (?range=7d&appId=…&status=failure…), so a filtered
// view can be bookmarked, shared and survives a reload. Defaults are left out of the URL.

export interface MonitoringFilters {
  range: UsageRange;
  appId?: string;
  capabilityId?: CapabilityId;
  status?: "success" | "failure";
  requestId?: string;
  pageSize: number;
}

export const DEFAULT_RANGE: UsageRange = "24h";
export const DEFAULT_PAGE_SIZE = 20;

/** Reads the filters from a query string; anything invalid (or an app not the user's) falls back to its default. */
export function parseMonitoringFilters(search: URLSearchParams, appIds: readonly string[]): MonitoringFilters {
  const field = <K extends "appId" | "capabilityId" | "status" | "requestId">(key: K): CallLogFilters[K] | undefined => {
    const parsed = callLogFilterSchema.shape[key].safeParse(search.get(key) ?? undefined);
    return parsed.success ? (parsed.data as CallLogFilters[K]) : undefined;
  };
  const range = search.get("range");
  const pageSize = Number(search.get("pageSize"));
  const appId = field("appId");
  return {
    range: (USAGE_RANGES as readonly string[]).includes(range ?? "") ? (range as UsageRange) : DEFAULT_RANGE,
    appId: appId && appIds.includes(appId) ? appId : undefined,
    capabilityId: field("capabilityId"),
    status: field("status"),
    requestId: field("requestId"),
    pageSize: (CALL_LOG_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** The query string of the filters ("" when all are defaults), in a fixed order. */
export function monitoringSearch(f: MonitoringFilters): string {
  const sp = new URLSearchParams();
  if (f.range !== DEFAULT_RANGE) sp.set("range", f.range);
  if (f.appId) sp.set("appId", f.appId);
  if (f.capabilityId) sp.set("capabilityId", f.capabilityId);
  if (f.status) sp.set("status", f.status);
  if (f.requestId) sp.set("requestId", f.requestId);
  if (f.pageSize !== DEFAULT_PAGE_SIZE) sp.set("pageSize", String(f.pageSize));
  const s = sp.toString();
  return s ? `?${s}` : "";
}

/** Whether the call log is narrowed beyond its time range (its empty state then says "no match"). */
export const isFiltered = (f: MonitoringFilters) => Boolean(f.appId || f.capabilityId || f.status || f.requestId);
