"use client";

import { useQuery } from "@tanstack/react-query";

import type { CallDetail } from "@/lib/data/call-logs";
import { fetchJson } from "./fetcher";
import { callLogKeys } from "./keys";

/** GET /api/console/call-logs/<id>: one call's detail view (fetched while the dialog is open). */
export function useCallDetail(id: string | null) {
  return useQuery({
    queryKey: callLogKeys.detail(id ?? ""),
    queryFn: () => fetchJson<CallDetail>(`/api/console/call-logs/${encodeURIComponent(id!)}`),
    enabled: id !== null,
  });
}
