import { BlockList, isIP } from "node:net";

// Per-app IP allow-list (App.ipAllowList): comma-separated IPv4/IPv6 addresses or CIDR blocks; empty = any.

/** Strips what proxies and URL syntax add around an address: brackets, a zone id, the IPv4-mapped prefix. */
export function normalizeIp(raw: string): string {
  let ip = raw.trim().replace(/^\[(.*)\]$/, "$1");
  ip = ip.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? mapped[1]! : ip;
}

function family(ip: string): "ipv4" | "ipv6" | null {
  const version = isIP(ip);
  return version === 4 ? "ipv4" : version === 6 ? "ipv6" : null;
}

/** Builds the list; entries that are not an address or CIDR are skipped (they can only narrow access). */
export function parseIpAllowList(list: string): BlockList | null {
  const entries = list.split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const allowed = new BlockList();
  for (const entry of entries) {
    const [address = "", prefixText] = entry.split("/");
    const ip = normalizeIp(address);
    const type = family(ip);
    if (!type) continue;
    if (prefixText === undefined) {
      allowed.addAddress(ip, type);
      continue;
    }
    const prefix = Number(prefixText);
    const maxPrefix = type === "ipv4" ? 32 : 128;
    if (/^\d+$/.test(prefixText) && prefix <= maxPrefix) allowed.addSubnet(ip, prefix, type);
  }
  return allowed;
}

/** True when the list is empty or contains the client address. An unknown client address never matches a list. */
export function isIpAllowed(clientIp: string, list: string): boolean {
  const allowed = parseIpAllowList(list);
  if (!allowed) return true;
  const ip = normalizeIp(clientIp);
  const type = family(ip);
  return type !== null && allowed.check(ip, type);
}
