import { describe, expect, test } from "vitest";

import { isTrustedAddress, normalizeIp, parseTrustedProxies } from "./addresses.mjs";

test.each([
  ["::ffff:10.0.0.1", "10.0.0.1"],
  ["[2001:db8::1]", "2001:db8::1"],
  ["fe80::1%eth0", "fe80::1"],
  [" 10.0.0.1 ", "10.0.0.1"],
])("normalizeIp(%j) = %j", (raw, expected) => {
  expect(normalizeIp(raw)).toBe(expected);
});

describe("parseTrustedProxies", () => {
  test("addresses and CIDR blocks of both families", () => {
    const trusted = parseTrustedProxies(" 127.0.0.1, ::1 ,10.0.0.0/8,2001:db8::/32,");
    for (const ip of ["127.0.0.1", "::ffff:127.0.0.1", "::1", "10.9.8.7", "2001:db8::5"]) expect(isTrustedAddress(trusted, ip)).toBe(true);
    for (const ip of ["127.0.0.2", "11.0.0.1", "2001:db9::1", "", "garbage", undefined]) expect(isTrustedAddress(trusted, ip)).toBe(false);
  });

  test("an empty list trusts nobody", () => {
    expect(isTrustedAddress(parseTrustedProxies(""), "127.0.0.1")).toBe(false);
  });

  test.each(["localhost", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/8/8", "10.0.0.0/x", "10.0.0.256", "*"])(
    "refuses %j, naming the variable",
    (list) => {
      expect(() => parseTrustedProxies(`127.0.0.1,${list}`)).toThrow(/^TRUSTED_PROXIES: ".*" is not an IP address or CIDR block$/);
    },
  );
});
