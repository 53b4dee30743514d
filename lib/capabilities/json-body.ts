// Parses the request body from the exact bytes that were hashed for the signature.

export type JsonBody = { kind: "empty" } | { kind: "invalid" } | { kind: "ok"; value: unknown };

const UTF8 = new TextDecoder("utf-8", { fatal: true });

export function parseJsonBody(bytes: Uint8Array): JsonBody {
  if (bytes.length === 0) return { kind: "empty" };
  try {
    return { kind: "ok", value: JSON.parse(UTF8.decode(bytes)) as unknown };
  } catch {
    return { kind: "invalid" };
  }
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
