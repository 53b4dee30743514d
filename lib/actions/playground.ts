"use server";

import { headers } from "next/headers";

import { requireUser } from "@/lib/auth/session";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { callCapabilityAsUser, type PlaygroundCall } from "@/lib/playground/signed-client";
import { PLAYGROUND_MAX_IMAGES, checkPlaygroundFile, playgroundRequestSchema } from "@/lib/validation/playground";
import { invalidInput, runAction, type ActionResult } from "@/lib/actions/result";

// 在线体验: FormData { capabilityId, appId, images: File[] } → signed API call(s) → the API's JSON.
export async function recognizeAction(form: FormData): Promise<ActionResult<{ calls: PlaygroundCall[] }>> {
  const parsed = playgroundRequestSchema.safeParse({ capabilityId: form.get("capabilityId"), appId: form.get("appId") });
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await requireUser();

  const files = form.getAll("images").filter((f): f is File => typeof f === "object" && f !== null && "arrayBuffer" in f);
  if (files.length === 0) return { ok: false, error: "请先上传图片" };
  if (files.length > PLAYGROUND_MAX_IMAGES) return { ok: false, error: `一次最多识别 ${PLAYGROUND_MAX_IMAGES} 张图片` };

  const h = await headers();
  const images: Uint8Array[] = [];
  for (const file of files) {
    // Size first, before reading a large upload into memory.
    const sizeProblem = checkPlaygroundFile({ name: file.name, size: file.size }, new Uint8Array([0xff, 0xd8, 0xff]));
    if (sizeProblem) return { ok: false, error: sizeProblem };
    const bytes = new Uint8Array(await file.arrayBuffer());
    const problem = checkPlaygroundFile({ name: file.name, size: bytes.byteLength }, bytes.subarray(0, 16));
    if (problem) return { ok: false, error: problem };
    images.push(bytes);
  }

  const ip = clientIpFromHeaders((name) => h.get(name));
  return runAction(async () => ({
    calls: await callCapabilityAsUser({
      userId: user.id,
      appId: parsed.data.appId,
      capabilityId: parsed.data.capabilityId,
      images,
      clientIp: ip === "unknown" ? undefined : ip,
    }),
  }));
}
