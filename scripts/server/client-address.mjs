// The caller's address, decided once in the entry point (the only place that sees the socket)
// and handed to Next as the single value of X-Forwarded-For, so the gateway (IP allow-list, call
// log) and the console's login limits all read the same address.
import { ipFamily, isTrustedAddress, normalizeIp } from "../../lib/net/addresses.mjs";

/**
 * From an untrusted peer, the peer itself: whatever it claims is ignored. From a trusted proxy,
 * X-Forwarded-For is walked right to left: each proxy appends the address it received from
 * (nginx `$proxy_add_x_forwarded_for`), so the first hop that is not a trusted proxy is the
 * client, and everything left of it is the client's own say. A hop that is not an address ends
 * the walk as unknown (""), which no allow-list matches. When every hop is trusted the request
 * began inside the trusted network: its left-most hop. Without X-Forwarded-For, a trusted peer's
 * X-Real-IP, else the peer.
 *
 * @param {{ peer: string | undefined, forwardedFor: string | undefined, realIp: string | undefined }} request
 * @param {import("node:net").BlockList} trusted
 * @returns {string}
 */
export function resolveClientAddress({ peer, forwardedFor, realIp }, trusted) {
  const peerIp = normalizeIp(peer ?? "");
  if (!isTrustedAddress(trusted, peerIp)) return peerIp;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const ip = normalizeIp(hops[i]);
    if (isTrustedAddress(trusted, ip)) continue;
    return ipFamily(ip) ? ip : "";
  }
  if (hops.length > 0) return normalizeIp(hops[0]);
  const real = normalizeIp(realIp ?? "");
  return ipFamily(real) ? real : peerIp;
}

/**
 * Replaces client-sent X-Forwarded-For / X-Real-IP by the one resolved address (Next only fills
 * X-Forwarded-For when it is absent, so this value is what the app sees).
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:net").BlockList} trusted
 */
export function setClientAddress(req, trusted) {
  const header = (name) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  req.headers["x-forwarded-for"] = resolveClientAddress(
    { peer: req.socket.remoteAddress, forwardedFor: header("x-forwarded-for"), realIp: header("x-real-ip") },
    trusted,
  );
  delete req.headers["x-real-ip"];
}
