"use server";

import { headers } from "next/headers";

import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { registerAccount } from "@/lib/auth/registration";
import { registerSchema } from "@/lib/validation/auth";
import { invalidInput, runAction, type ActionResult } from "@/lib/actions/result";

// Registration only creates the account (or answers as if it did); the form then signs in through next-auth.
export async function registerAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const h = await headers();
  const ip = clientIpFromHeaders((name) => h.get(name));
  return runAction(() => registerAccount({ input: parsed.data, ip }));
}
