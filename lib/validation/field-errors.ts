import type { z } from "zod";

/**
 * One message per field (the first zod reports), keyed by the field's path; form-level issues
 * go under "_". Shared by the console's forms (before submitting) and server actions (after).
 */
export function errorsByField(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".") || "_"] ??= issue.message;
  return out;
}
