import type { CallLogQuery, UsageQuery } from "@/lib/validation/usage-query";

// Every React Query key in one place.
export const usageKeys = {
  all: ["usage"] as const,
  series: (q: UsageQuery) => [...usageKeys.all, "series", q] as const,
};

export const callLogKeys = {
  all: ["call-logs"] as const,
  page: (q: CallLogQuery) => [...callLogKeys.all, q] as const,
  detail: (id: string) => [...callLogKeys.all, "detail", id] as const,
};
