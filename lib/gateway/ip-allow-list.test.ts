import { describe, expect, test } from "vitest";

import { isIpAllowed } from "./ip-allow-list";

describe("isIpAllowed", () => {
  test.each([
    ["empty list allows anyone", "203.0.113.9", "", true],
    ["blank entries only", "203.0.113.9", " , ,", true],
    ["exact IPv4", "203.0.113.9", "203.0.113.9", true],
    ["other IPv4", "203.0.113.10", "203.0.113.9", false],
    ["IPv4 CIDR inside", "10.1.2.3", "10.0.0.0/8", true],
    ["IPv4 CIDR outside", "11.1.2.3", "10.0.0.0/8", false],
    ["/32", "192.168.1.1", "192.168.1.1/32", true],
    ["/0 allows every IPv4", "8.8.8.8", "0.0.0.0/0", true],
    ["second entry matches", "127.0.0.1", "10.0.0.0/8, 127.0.0.1", true],
    ["IPv4-mapped IPv6 client", "::ffff:127.0.0.1", "127.0.0.0/8", true],
    ["exact IPv6", "2001:db8::1", "2001:db8::1", true],
    ["IPv6 CIDR inside", "2001:db8:abcd::42", "2001:db8::/32", true],
    ["IPv6 CIDR outside", "2001:db9::1", "2001:db8::/32", false],
    ["IPv6 loopback", "::1", "::1", true],
    ["bracketed IPv6 client", "[::1]", "::1/128", true],
    ["IPv4 client vs IPv6 list", "10.0.0.1", "2001:db8::/32", false],
    ["invalid entries are skipped", "10.0.0.1", "not-an-ip, 10.0.0.0/33, 10.0.0.1", true],
    ["only invalid entries allow nobody", "10.0.0.1", "not-an-ip", false],
    ["unknown client address", "", "10.0.0.0/8", false],
    ["garbage client address", "abc", "10.0.0.0/8", false],
  ])("%s", (_name, ip, list, expected) => {
    expect(isIpAllowed(ip, list)).toBe(expected);
  });
});
