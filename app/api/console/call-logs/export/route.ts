import { AppError, isAppError } from "@/lib/errors";
import { requireApiUser } from "@/lib/auth/session";
import { getCapabilityDef, type CapabilityId } from "@/lib/capabilities/catalog";
import { getAppOrThrow } from "@/lib/data/apps";
import { csvHeader, csvRow } from "@/lib/data/call-log-csv";
import { exportCallLogs } from "@/lib/data/call-logs";
import { logger } from "@/lib/observability/logger";
import { callLogFilterSchema } from "@/lib/validation/usage-query";

// GET /api/console/call-logs/export?range=&appId=&capabilityId=&status=&requestId= – the filtered call
// log as CSV (session auth), streamed in batches, newest first, up to CALL_LOG_EXPORT_MAX rows.
export async function GET(request: Request) {
  try {
    const user = await requireApiUser();
    const parsed = callLogFilterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError("invalid", parsed.error.message, "查询参数不正确");
    if (parsed.data.appId) await getAppOrThrow({ userId: user.id, appId: parsed.data.appId });
    const rows = exportCallLogs({ userId: user.id, ...parsed.data });
    const encoder = new TextEncoder();
    const name = (id: string) => getCapabilityDef(id as CapabilityId).name;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(csvHeader()));
      },
      async pull(controller) {
        try {
          const next = await rows.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(csvRow(next.value, name)));
        } catch (err) {
          logger.error({ err }, "call log export failed");
          controller.error(err);
        }
      },
      cancel() {
        void rows.return(undefined);
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="call-log-${parsed.data.range}-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    if (isAppError(err)) {
      const status = err.code === "unauthenticated" ? 401 : err.code === "not_found" ? 404 : 400;
      return Response.json({ error: err.code, message: err.userMessage }, { status });
    }
    logger.error({ err }, "call log export failed");
    return Response.json({ error: "internal", message: "服务内部错误" }, { status: 500 });
  }
}
