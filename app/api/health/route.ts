import { logger } from "@/lib/observability/logger";
import { getOcrEngine, isOcrEngineReady } from "@/lib/ocr/engine";

// GET /api/health – 200 once the OCR models are loaded, 503 while they load (starts loading if needed).
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET() {
  if (isOcrEngineReady()) return Response.json({ status: "ok" });
  getOcrEngine().catch((err: unknown) => logger.error({ err }, "OCR engine failed to load"));
  return Response.json({ status: "loading" }, { status: 503 });
}
