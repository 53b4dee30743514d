import { expect, test } from "vitest";

import { resolveClientIp } from "./client-ip";

// scripts/server.mjs hands over one resolved address; X-Real-IP is folded in (and removed) there.
test.each([
  [{ "x-forwarded-for": "203.0.113.7" }, "203.0.113.7"],
  [{ "x-forwarded-for": " 2001:db8::5 " }, "2001:db8::5"],
  [{ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }, "203.0.113.7"],
  [{ "x-real-ip": "198.51.100.2" }, ""],
  [{}, ""],
])("%j → %j", (headers, expected) => {
  expect(resolveClientIp(new Headers(headers))).toBe(expected);
});
