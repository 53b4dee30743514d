import "server-only";

import { isAppError } from "@/lib/errors";
import { requireApiUser, type SessionUser } from "@/lib/auth/session";
import { logger } from "@/lib/observability/logger";

const STATUS: Record<string, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  rate_limited: 429,
};

/** Session-authenticated JSON GET for React Query: 401 without a session, AppError → its status. */
export function consoleJson(run: (user: SessionUser) => Promise<unknown>): Promise<Response> {
  return consoleRoute(async (user) => Response.json(await run(user), { headers: { "cache-control": "no-store" } }));
}

/** Session-authenticated route answering any body (files, downloads); errors as consoleJson's. */
export async function consoleRoute(run: (user: SessionUser) => Promise<Response>): Promise<Response> {
  try {
    return await run(await requireApiUser());
  } catch (err) {
    if (isAppError(err)) return Response.json({ error: err.code, message: err.userMessage }, { status: STATUS[err.code] ?? 400 });
    logger.error({ err }, "console api failed");
    return Response.json({ error: "internal", message: "服务内部错误" }, { status: 500 });
  }
}
