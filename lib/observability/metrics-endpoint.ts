import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";

import { metrics } from "./metrics";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Constant-time check of `Authorization: Bearer <token>` (hashing first evens out the lengths). */
export function hasBearerToken(authorization: string | null, token: string): boolean {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(presented), digest(token));
}

/**
 * GET /api/metrics in the Prometheus text format. Not public: 404 while no token is configured
 * (the endpoint does not exist), 401 for a missing or wrong token.
 */
export async function handleMetricsRequest(req: Request, token: string | undefined): Promise<Response> {
  if (!token) return Response.json({ error: "not_found" }, { status: 404 });
  if (!hasBearerToken(req.headers.get("authorization"), token)) {
    return Response.json({ error: "unauthorized" }, { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  }
  return new Response(await metrics.registry.metrics(), {
    headers: { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" },
  });
}
