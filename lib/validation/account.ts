import { z } from "zod";

import { PASSWORD_MIN_LENGTH } from "@/lib/validation/auth";

// 账号安全: changing the login password and ending console sessions.

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, "请输入当前密码").max(200),
    password: z.string().min(PASSWORD_MIN_LENGTH, `新密码至少 ${PASSWORD_MIN_LENGTH} 位`).max(200, "密码过长"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "两次输入的新密码不一致", path: ["confirm"] })
  .refine((v) => v.password !== v.current, { message: "新密码不能与当前密码相同", path: ["password"] });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const sessionIdSchema = z.object({ sessionId: z.string().min(1).max(64) });
