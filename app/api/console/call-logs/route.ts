import { AppError } from "@/lib/errors";
import { consoleJson } from "@/lib/auth/api-route";
import { getAppOrThrow } from "@/lib/data/apps";
import { listCallLogs } from "@/lib/data/call-logs";
import { callLogQuerySchema } from "@/lib/validation/usage-query";

// GET /api/console/call-logs?pageSize=&cursor=&direction=next|prev&appId=&capabilityId=&status=&requestId=&range= – call log, keyset pages (session auth)
export function GET(request: Request) {
  return consoleJson(async (user) => {
    const parsed = callLogQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError("invalid", parsed.error.message, "查询参数不正确");
    if (parsed.data.appId) await getAppOrThrow({ userId: user.id, appId: parsed.data.appId });
    return listCallLogs({ userId: user.id, ...parsed.data });
  });
}
