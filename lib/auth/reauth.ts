import "server-only";

import { AppError } from "@/lib/errors";
import { checkUserPassword } from "@/lib/data/users";
import { isRefused, reserveAttempt, sharedLimiter } from "@/lib/limits/attempts";
import { waitText } from "@/lib/validation/auth";

// Re-entering the password before a secret is handed out (new AccessKey, AppSecret). Failures are
// limited per user, so a stolen session cannot brute-force the password through these forms; the
// attempt is counted before the check (atomic) and given back when the password is right.

export const REAUTH_ATTEMPTS = 5;
export const REAUTH_WINDOW_SECONDS = 15 * 60;

const perUser = () => sharedLimiter({ keyPrefix: "reauth:user", points: REAUTH_ATTEMPTS, durationSeconds: REAUTH_WINDOW_SECONDS });

/** Resolves when the password is the user's; otherwise throws the AppError the form shows. */
export async function confirmPassword(opts: { userId: string; password: string }): Promise<void> {
  const reserved = await reserveAttempt(perUser(), opts.userId);
  if (isRefused(reserved)) {
    throw new AppError(
      "rate_limited",
      "Password re-entry throttled",
      `密码验证失败次数过多，请 ${waitText(reserved.retryAfterSeconds)}后再试`,
    );
  }
  if (!(await checkUserPassword(opts))) throw new AppError("forbidden", "Wrong password", "登录密码不正确");
  await perUser().reward(opts.userId, 1);
}
