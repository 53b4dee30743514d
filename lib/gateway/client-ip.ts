// The caller's address for the IP allow-list and the call log.
//
// Route handlers never see the socket, so the production entry point (scripts/server.mjs,
// scripts/server/client-address.mjs) decides it: the peer, or behind TRUSTED_PROXIES the
// right-most X-Forwarded-For hop that is not a trusted proxy (X-Real-IP as a fallback), and hands
// Next that one address as X-Forwarded-For (X-Real-IP removed). The console's login limits read
// the same header. Without that entry point (next dev) Next fills X-Forwarded-For with the peer
// only when the client sent none, so a client-sent value is taken as it is: its first hop.

export function resolveClientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "";
}
