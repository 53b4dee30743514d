"use server";

import { revalidatePath } from "next/cache";

import { confirmPassword } from "@/lib/auth/reauth";
import { requireUser } from "@/lib/auth/session";
import { getCapabilityDef } from "@/lib/capabilities/catalog";
import { createApp, deleteApp, openCapability, revealAppSecret, updateApp, updateAppSettings } from "@/lib/data/apps";
import {
  appCreateSchema,
  appIdSchema,
  appSettingsSchema,
  appUpdateSchema,
  openCapabilitySchema,
  revealSecretSchema,
} from "@/lib/validation/app";
import { invalidInput, runAction, type ActionResult } from "@/lib/actions/result";

// 我的应用 → 新增应用: the AppSecret is returned here once and never again without the password.
export async function createAppAction(
  input: unknown,
): Promise<ActionResult<{ id: string; name: string; appKey: string; appSecret: string }>> {
  const parsed = appCreateSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await requireUser();
  return runAction(async () => {
    const app = await createApp({ userId: user.id, name: parsed.data.name, description: parsed.data.description });
    revalidatePath("/apps");
    return { id: app.id, name: app.name, appKey: app.appKey, appSecret: app.appSecret };
  });
}

export async function updateAppAction(input: unknown): Promise<ActionResult> {
  const parsed = appUpdateSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await requireUser();
  return runAction(async () => {
    await updateApp({ userId: user.id, ...parsed.data });
    revalidatePath("/apps");
    revalidatePath(`/apps/${parsed.data.appId}`);
    return null;
  });
}

export async function deleteAppAction(input: unknown): Promise<ActionResult> {
  const parsed = appIdSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await requireUser();
  return runAction(async () => {
    await deleteApp({ userId: user.id, appId: parsed.data });
    revalidatePath("/apps");
    return null;
  });
}

export async function updateAppSettingsAction(input: unknown): Promise<ActionResult> {
  const parsed = appSettingsSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await requireUser();
  return runAction(async () => {
    await updateAppSettings({ userId: user.id, ...parsed.data });
    revalidatePath(`/apps/${parsed.data.appId}`);
    return null;
  });
}

// 去开通 → 确认开通 → 能力已开通 (seed §3.2 steps 5–6).
export async function openCapabilityAction(input: unknown): Promise<ActionResult<{ name: string }>> {
  const parsed = openCapabilitySchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await requireUser();
  return runAction(async () => {
    await openCapability({ userId: user.id, appId: parsed.data.appId, capabilityId: parsed.data.capabilityId });
    revalidatePath(`/apps/${parsed.data.appId}`);
    revalidatePath("/apps");
    return { name: getCapabilityDef(parsed.data.capabilityId).name };
  });
}

/** AppSecret after re-entering the login password (a stolen session cookie alone cannot read it; failures are limited). */
export async function revealAppSecretAction(input: unknown): Promise<ActionResult<{ appSecret: string }>> {
  const parsed = revealSecretSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await requireUser();
  return runAction(async () => {
    await confirmPassword({ userId: user.id, password: parsed.data.password });
    return { appSecret: await revealAppSecret({ userId: user.id, appId: parsed.data.appId }) };
  });
}
