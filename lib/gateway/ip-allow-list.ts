import { BlockList } from "node:net";

import { ipFamily as family, normalizeIp } from "@/lib/net/addresses.mjs";

// Per-app IP allow-list (App.ipAllowList): comma-separated IPv4/IPv6 addresses or CIDR blocks; empty = any.

/** Builds the list; entries that are not an address or CIDR are skipped (they can only narrow access). */
export function parseIpAllowList(list: string): BlockList | null {
  const entries = list
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
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
