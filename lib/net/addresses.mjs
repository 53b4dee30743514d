// IP address helpers shared by the production entry point (scripts/server.mjs, plain Node) and the
// app (lib/env.ts, lib/gateway). Plain ESM without `server-only`, because server.mjs runs outside
// Next's bundles; it reads no environment itself.
import { BlockList, isIP } from "node:net";

export const DEFAULT_TRUSTED_PROXIES = "127.0.0.1,::1";

/** Strips what proxies and URL syntax add around an address: brackets, a zone id, the IPv4-mapped prefix. */
export function normalizeIp(raw) {
  let ip = raw.trim().replace(/^\[(.*)\]$/, "$1");
  ip = ip.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? mapped[1] : ip;
}

/** "ipv4" / "ipv6" for an address, null for anything else. */
export function ipFamily(ip) {
  const version = isIP(ip);
  return version === 4 ? "ipv4" : version === 6 ? "ipv6" : null;
}

/**
 * TRUSTED_PROXIES: comma-separated IPs or CIDR blocks. Strict, because a typo here silently
 * trusts nobody (or the wrong peer): every bad entry throws an Error naming the variable.
 */
export function parseTrustedProxies(list) {
  const blocks = new BlockList();
  for (const entry of list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address = "", bits, extra] = entry.split("/");
    const ip = normalizeIp(address);
    const family = ipFamily(ip);
    const maxBits = family === "ipv4" ? 32 : 128;
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !bitsOk || extra !== undefined) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR block`);
    if (bits === undefined) blocks.addAddress(ip, family);
    else blocks.addSubnet(ip, Number(bits), family);
  }
  return blocks;
}

/** Whether `address` (as a socket or X-Forwarded-For gives it) is in the trusted list. */
export function isTrustedAddress(trusted, address = "") {
  const ip = normalizeIp(address);
  const family = ipFamily(ip);
  return family !== null && trusted.check(ip, family);
}
