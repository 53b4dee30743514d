"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";

import type { CallLogPage } from "@/lib/data/call-logs";
import type { CallLogQuery } from "@/lib/validation/usage-query";
import { fetchJson, toSearch } from "./fetcher";
import { callLogKeys } from "./keys";

/** GET /api/console/call-logs (one page), refreshed every 30 s. */
export function useCallLogs(query: CallLogQuery) {
  return useQuery({
    queryKey: callLogKeys.page(query),
    queryFn: () => fetchJson<CallLogPage>(`/api/console/call-logs${toSearch(query)}`),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}
