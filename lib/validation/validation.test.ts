import { describe, expect, test } from "vitest";
import { z } from "zod";

import { appSettingsSchema, isIpOrCidr } from "@/lib/validation/app";
import { checkPlaygroundFile, sniffImageFormat } from "@/lib/validation/playground";
import { registerSchema } from "@/lib/validation/auth";
import { errorsByField } from "@/lib/validation/field-errors";

describe("isIpOrCidr", () => {
  test.each([
    ["10.0.0.1", true],
    ["10.0.0.0/8", true],
    ["192.168.1.0/33", false],
    ["256.1.1.1", false],
    ["::1", true],
    ["2001:db8::/32", true],
    ["2001:db8::/129", false],
    ["example.com", false],
    ["1.2.3.4/8/9", false],
  ])("%s → %s", (entry, ok) => expect(isIpOrCidr(entry)).toBe(ok));
});

test("allow-list textarea is normalised to a comma list", () => {
  const parsed = appSettingsSchema.parse({ appId: "a", qpsLimit: "10", ipAllowList: "10.0.0.1\n10.0.0.0/8, 10.0.0.1" });
  expect(parsed).toEqual({ appId: "a", qpsLimit: 10, ipAllowList: "10.0.0.1,10.0.0.0/8" });
  expect(appSettingsSchema.safeParse({ appId: "a", qpsLimit: 0, ipAllowList: "" }).success).toBe(false);
  expect(appSettingsSchema.safeParse({ appId: "a", qpsLimit: 5, ipAllowList: "nope" }).success).toBe(false);
});

describe("playground files", () => {
  test.each([
    [[0xff, 0xd8, 0xff, 0xe0], "jpeg"],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "png"],
    [[0x42, 0x4d, 0, 0], "bmp"],
    [[0x47, 0x49, 0x46, 0x38], null],
  ])("%j sniffs as %s", (bytes, format) => expect(sniffImageFormat(new Uint8Array(bytes))).toBe(format));

  test("2 MB limit and format message", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(checkPlaygroundFile({ name: "a.png", size: 2 * 1024 * 1024 }, png)).toBeNull();
    expect(checkPlaygroundFile({ name: "a.png", size: 2 * 1024 * 1024 + 1 }, png)).toContain("超过 2 MB");
    expect(checkPlaygroundFile({ name: "a.gif", size: 10 }, new Uint8Array([0x47, 0x49]))).toContain("仅支持");
  });
});

test("registration needs matching passwords of 8+ characters", () => {
  expect(registerSchema.safeParse({ email: "a@b.cn", password: "12345678", confirm: "12345678" }).success).toBe(true);
  expect(registerSchema.safeParse({ email: "a@b.cn", password: "1234567", confirm: "1234567" }).success).toBe(false);
  expect(registerSchema.safeParse({ email: "a@b.cn", password: "12345678", confirm: "12345679" }).success).toBe(false);
});

describe("errorsByField", () => {
  test("one message per field, the first reported; form-level issues under _", () => {
    const parsed = registerSchema.safeParse({ email: "not-an-email", name: "", password: "x", confirm: "y" });
    expect(parsed.success).toBe(false);
    const errors = errorsByField(parsed.error!);
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(["email", "password"]));
    expect(errors.email).toBe(parsed.error!.issues.find((i) => i.path[0] === "email")!.message);
    const formLevel = z
      .object({ a: z.string() })
      .refine(() => false, "整体不正确")
      .safeParse({ a: "" });
    expect(errorsByField(formLevel.error!)).toEqual({ _: "整体不正确" });
  });
});
