import { buildOpenApiDocument } from "@/lib/contract/openapi";

// GET /api/openapi.json – the API's OpenAPI 3.1 document (public: no login, proxy.ts does not match /api).
export const dynamic = "force-static";

export function GET() {
  return Response.json(buildOpenApiDocument());
}
