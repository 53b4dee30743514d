import "server-only";

import { AppError, isAppError } from "@/lib/errors";
import { createUser } from "@/lib/data/users";
import { isRefused, reserveAttempt, sharedLimiter } from "@/lib/limits/attempts";
import { normalizeEmail, waitText, type RegisterInput } from "@/lib/validation/auth";

// Registration per IP is throttled before any password is hashed (scrypt is the costly part).
// The answer is the same whether or not the address already has an account: an existing account
// is left untouched and can still only be entered with its own password. (Whoever registers and
// then tries to log in learns whether their password became the account's: that side channel is
// inherent without e-mail confirmation, and it costs one registration and one login attempt.)

export const REGISTRATIONS_PER_IP = 10;
export const REGISTRATION_WINDOW_SECONDS = 60 * 60;

const perIp = () => sharedLimiter({ keyPrefix: "register:ip", points: REGISTRATIONS_PER_IP, durationSeconds: REGISTRATION_WINDOW_SECONDS });

/** Creates the account if the address is new; answers the same if it is not. */
export async function registerAccount(opts: { input: RegisterInput; ip: string }): Promise<{ email: string }> {
  const reserved = await reserveAttempt(perIp(), opts.ip);
  if (isRefused(reserved))
    throw new AppError("rate_limited", "Registration throttled", `注册过于频繁，请 ${waitText(reserved.retryAfterSeconds)}后再试`);
  const { email, password, name } = opts.input;
  try {
    // createUser hashes before the insert, so an existing address costs the same time as a new one.
    const user = await createUser({ email, password, name });
    return { email: user.email };
  } catch (err) {
    if (isAppError(err) && err.code === "conflict") return { email: normalizeEmail(email) };
    throw err;
  }
}
