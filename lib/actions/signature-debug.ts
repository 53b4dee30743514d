"use server";

import { requireUser } from "@/lib/auth/session";
import { debugSignature, type SignatureDebugResult } from "@/lib/playground/signature-debug";
import { signatureDebugSchema } from "@/lib/validation/signature-debug";
import { invalidInput, runAction, type ActionResult } from "@/lib/actions/result";

// 在线签名调试. The SecretKey the developer types is used for this one computation and never
// stored, logged or returned; signed-in users only, so the form is no anonymous hashing service.
export async function debugSignatureAction(input: unknown): Promise<ActionResult<SignatureDebugResult>> {
  const parsed = signatureDebugSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  await requireUser();
  return runAction(async () => debugSignature(parsed.data, new Date()));
}
