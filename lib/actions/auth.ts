"use server";

import { createUser } from "@/lib/data/users";
import { registerSchema } from "@/lib/validation/auth";
import { invalidInput, runAction, type ActionResult } from "@/lib/actions/result";

// Registration only creates the account; the form then signs in through next-auth.
export async function registerAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  return runAction(async () => {
    const user = await createUser({ email: parsed.data.email, password: parsed.data.password, name: parsed.data.name });
    return { email: user.email };
  });
}
