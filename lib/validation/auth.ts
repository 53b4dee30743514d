import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 8;

/** One spelling per address: accounts, lookups and attempt counters all use it. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export const loginSchema = z.object({
  email: z.string().trim().min(1, "请输入邮箱").email("邮箱格式不正确").max(254),
  password: z.string().min(1, "请输入密码").max(200),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const registerSchema = z
  .object({
    email: z.string().trim().min(1, "请输入邮箱").email("邮箱格式不正确").max(254),
    name: z.string().trim().max(50, "昵称最多 50 个字符").optional().default(""),
    password: z.string().min(PASSWORD_MIN_LENGTH, `密码至少 ${PASSWORD_MIN_LENGTH} 位`).max(200, "密码过长"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "两次输入的密码不一致", path: ["confirm"] });
export type RegisterInput = z.infer<typeof registerSchema>;

export const passwordConfirmSchema = z.object({ password: z.string().min(1, "请输入登录密码").max(200) });

/** A wait in words: whole minutes rounded up (at least 1), whole hours from 2 hours on. */
export function waitText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes >= 120 ? `${Math.ceil(minutes / 60)} 小时` : `${minutes} 分钟`;
}

// next-auth hands an error thrown in `authorize` to the browser as the sign-in `error` string: the
// login form turns "RATE_LIMITED:<seconds>" into a wait, anything else into the one failure text.
const LOGIN_RATE_LIMITED = "RATE_LIMITED:";
export const LOGIN_FAILED_TEXT = "邮箱或密码错误";

export const loginRateLimitedError = (retryAfterSeconds: number) => `${LOGIN_RATE_LIMITED}${retryAfterSeconds}`;

/** The text the login form shows for next-auth's `error`. */
export function loginErrorText(error: string): string {
  if (!error.startsWith(LOGIN_RATE_LIMITED)) return LOGIN_FAILED_TEXT;
  const seconds = Number(error.slice(LOGIN_RATE_LIMITED.length));
  return `登录尝试过于频繁，请 ${waitText(Number.isFinite(seconds) ? seconds : 60)}后再试`;
}
