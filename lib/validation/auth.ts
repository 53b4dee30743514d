import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 8;

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
