import { AppError } from "@/lib/errors";
import { consoleJson } from "@/lib/auth/api-route";
import { getAppOrThrow } from "@/lib/data/apps";
import { getUsageSeries } from "@/lib/data/usage";
import { usageQuerySchema } from "@/lib/validation/usage-query";

// GET /api/console/usage?range=24h|7d|30d&appId=&capabilityId= – monitoring charts (session auth)
export function GET(request: Request) {
  return consoleJson(async (user) => {
    const parsed = usageQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError("invalid", parsed.error.message, "查询参数不正确");
    if (parsed.data.appId) await getAppOrThrow({ userId: user.id, appId: parsed.data.appId });
    return getUsageSeries({ userId: user.id, ...parsed.data });
  });
}
