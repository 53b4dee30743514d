// The caller's address for the IP allow-list and the call log.
//
// Route handlers never see the socket. `next start` / `next dev` fill `x-forwarded-for` with the
// socket address only when the request arrived without one (`??=` in Next's base server), so the
// first hop of `x-forwarded-for` is either the peer itself or what the peer claims. That is right
// behind a reverse proxy that overwrites the header, and for local test clients (loopback). A
// server exposed directly to untrusted clients needs its entry point to drop client-sent
// `x-forwarded-for` / `x-real-ip` unless the peer is loopback or a trusted proxy: only the entry
// point sees the socket. `x-real-ip` is the fallback for proxies that send only that header.

export function resolveClientIp(headers: Headers): string {
  const firstHop = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  if (firstHop) return firstHop;
  return headers.get("x-real-ip")?.trim() ?? "";
}
