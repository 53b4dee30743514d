import { checkReadiness } from "@/lib/readiness";

// GET /api/ready – readiness: 200 when models are loaded, the database is writable and Redis
// (when configured) answers; 503 with the failing checks otherwise. /api/health is liveness.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: readiness.ready ? {} : { "Retry-After": "5" } });
}
