import { describe, expect, it } from "vitest";

import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it.each([
    ["/apps", "/apps"],
    ["/apps/abc?tab=keys#x", "/apps/abc?tab=keys#x"],
    ["/monitoring?range=7d", "/monitoring?range=7d"],
    ["/a/../packs", "/packs"],
  ])("keeps the same-origin path %j", (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    "",
    "apps",
    "https://evil.com/",
    "http:/evil.com",
    "javascript:alert(1)",
    "//evil.com",
    "///evil.com",
    "/\\evil.com",
    "/\\/evil.com",
    "\\\\evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "/%09/evil.com",
    "/%5Cevil.com",
    "/%2F/evil.com",
    "/%2f%2fevil.com",
    "/%E0%A4%A",
    `/${"a".repeat(3000)}`,
  ])("refuses %j", (value) => {
    expect(safeRedirectPath(value)).toBe("/overview");
  });

  it("answers the given fallback", () => {
    expect(safeRedirectPath("//evil.com", "/")).toBe("/");
  });
});
