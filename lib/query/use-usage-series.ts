"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";

import type { UsageSeries } from "@/lib/data/usage";
import type { UsageQuery } from "@/lib/validation/usage-query";
import { fetchJson, toSearch } from "./fetcher";
import { usageKeys } from "./keys";

/** GET /api/console/usage, refreshed every 30 s while the page is open. */
export function useUsageSeries(query: UsageQuery) {
  return useQuery({
    queryKey: usageKeys.series(query),
    queryFn: () => fetchJson<UsageSeries>(`/api/console/usage${toSearch(query)}`),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}
