"use server";

import { revalidatePath } from "next/cache";

import { AppError } from "@/lib/errors";
import { confirmPassword } from "@/lib/auth/reauth";
import { requireUser } from "@/lib/auth/session";
import { MAX_ACCESS_KEYS_PER_USER, countAccessKeys, createAccessKey, deleteAccessKey, setAccessKeyEnabled } from "@/lib/data/access-keys";
import { accessKeyIdSchema, accessKeyToggleSchema } from "@/lib/validation/access-key";
import { passwordConfirmSchema } from "@/lib/validation/auth";
import { invalidInput, runAction, type ActionResult } from "@/lib/actions/result";

// 个人中心 → 安全设置 → 用户 AccessKey → 新建: needs the login password again (the SK signs API
// calls, so a stolen session alone must not mint one); the SK is shown once.
export async function createAccessKeyAction(input: unknown): Promise<ActionResult<{ accessKey: string; secretKey: string }>> {
  const parsed = passwordConfirmSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await requireUser();
  return runAction(async () => {
    if ((await countAccessKeys({ userId: user.id })) >= MAX_ACCESS_KEYS_PER_USER) {
      throw new AppError("conflict", "Too many keys", `每个账号最多 ${MAX_ACCESS_KEYS_PER_USER} 个 AccessKey，请先删除不用的`);
    }
    await confirmPassword({ userId: user.id, password: parsed.data.password });
    const key = await createAccessKey({ userId: user.id });
    revalidatePath("/access-keys");
    return { accessKey: key.accessKey, secretKey: key.secretKey };
  });
}

export async function setAccessKeyEnabledAction(input: unknown): Promise<ActionResult> {
  const parsed = accessKeyToggleSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await requireUser();
  return runAction(async () => {
    await setAccessKeyEnabled({ userId: user.id, accessKey: parsed.data.accessKey, enabled: parsed.data.enabled });
    revalidatePath("/access-keys");
    return null;
  });
}

export async function deleteAccessKeyAction(input: unknown): Promise<ActionResult> {
  const parsed = accessKeyIdSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await requireUser();
  return runAction(async () => {
    await deleteAccessKey({ userId: user.id, accessKey: parsed.data.accessKey });
    revalidatePath("/access-keys");
    return null;
  });
}
