import type { BlockList } from "node:net";

export declare const DEFAULT_TRUSTED_PROXIES: string;
/** Strips brackets, a zone id and the IPv4-mapped prefix. */
export declare function normalizeIp(raw: string): string;
export declare function ipFamily(ip: string): "ipv4" | "ipv6" | null;
/** Throws an Error naming TRUSTED_PROXIES for any entry that is not an IP or CIDR block. */
export declare function parseTrustedProxies(list: string): BlockList;
export declare function isTrustedAddress(trusted: BlockList, address?: string): boolean;
