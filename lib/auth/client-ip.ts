import "server-only";

/** The client address for console throttles: the first `x-forwarded-for` hop (the entry point resolves it), else `x-real-ip`, else "unknown". */
export function clientIpFromHeaders(get: (name: string) => string | null | undefined): string {
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip")?.trim() || "unknown";
}
