import { expect, test } from "vitest";

import { resolveClientIp } from "./client-ip";

test.each([
  [{ "x-forwarded-for": "203.0.113.7" }, "203.0.113.7"],
  [{ "x-forwarded-for": "203.0.113.7, 10.0.0.1, 127.0.0.1" }, "203.0.113.7"],
  [{ "x-forwarded-for": "::ffff:127.0.0.1" }, "::ffff:127.0.0.1"],
  [{ "x-real-ip": "198.51.100.2" }, "198.51.100.2"],
  [{ "x-forwarded-for": "203.0.113.7", "x-real-ip": "198.51.100.2" }, "203.0.113.7"],
  [{}, ""],
])("%j → %j", (headers, expected) => {
  expect(resolveClientIp(new Headers(headers))).toBe(expected);
});
