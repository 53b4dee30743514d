import { env } from "@/lib/env";
import { handleMetricsRequest } from "@/lib/observability/metrics-endpoint";

// GET /api/metrics – Prometheus scrape, only with `Authorization: Bearer <METRICS_TOKEN>`.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return handleMetricsRequest(req, env.METRICS_TOKEN);
}
