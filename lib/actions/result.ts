import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";

import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { errorsByField } from "@/lib/validation/field-errors";

// Shared shape of every server action's answer (not a "use server" module: helpers only).
export type ActionResult<T = null> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export function invalidInput(error: z.ZodError): ActionResult<never> {
  return { ok: false, error: error.issues[0]?.message ?? "输入不正确", fieldErrors: errorsByField(error) };
}

/** Runs the body; expected failures (AppError) become `{ ok: false }`, redirect/notFound pass through. */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (err) {
    unstable_rethrow(err);
    if (isAppError(err)) return { ok: false, error: err.userMessage };
    logger.error({ err }, "console action failed");
    return { ok: false, error: "操作失败，请稍后重试" };
  }
}
