"use server";

import { revalidatePath } from "next/cache";

import { AppError } from "@/lib/errors";
import { confirmPassword } from "@/lib/auth/reauth";
import { requireUser } from "@/lib/auth/session";
import { deleteConsoleSession, deleteOtherConsoleSessions } from "@/lib/data/console-sessions";
import { changeUserPassword } from "@/lib/data/users";
import { changePasswordSchema, sessionIdSchema } from "@/lib/validation/account";
import { invalidInput, runAction, type ActionResult } from "@/lib/actions/result";

// 个人中心 → 账号安全. The current password is checked through the same per-user throttle as
// every other password re-entry, so a stolen session cannot use this form as a password oracle.

export async function changePasswordAction(input: unknown): Promise<ActionResult<{ signedOut: number }>> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await requireUser();
  return runAction(async () => {
    await confirmPassword({ userId: user.id, password: parsed.data.current }).catch((err: unknown) => {
      // The form labels this field 当前密码, not 登录密码.
      if (err instanceof AppError && err.code === "forbidden") throw new AppError("forbidden", "Wrong password", "当前密码不正确");
      throw err;
    });
    const result = await changeUserPassword({ userId: user.id, newPassword: parsed.data.password, keepSessionId: user.sessionId });
    revalidatePath("/account");
    return result;
  });
}

export async function revokeSessionAction(input: unknown): Promise<ActionResult> {
  const parsed = sessionIdSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await requireUser();
  return runAction(async () => {
    if (parsed.data.sessionId === user.sessionId) throw new AppError("invalid", "Own session", "当前会话请使用「退出登录」");
    if (!(await deleteConsoleSession({ userId: user.id, sessionId: parsed.data.sessionId }))) {
      throw new AppError("not_found", "No such session", "该会话已结束");
    }
    revalidatePath("/account");
    return null;
  });
}

export async function revokeOtherSessionsAction(): Promise<ActionResult<{ signedOut: number }>> {
  const user = await requireUser();
  return runAction(async () => {
    const signedOut = await deleteOtherConsoleSessions({ userId: user.id, keepSessionId: user.sessionId });
    revalidatePath("/account");
    return { signedOut };
  });
}
