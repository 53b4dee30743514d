import { describe, expect, it } from "vitest";

import { LOGIN_FAILED_TEXT, loginErrorText, loginRateLimitedError, waitText } from "./auth";

describe("auth texts", () => {
  it("words a wait in minutes, rounded up, and in hours from two hours on", () => {
    expect(waitText(1)).toBe("1 分钟");
    expect(waitText(61)).toBe("2 分钟");
    expect(waitText(119 * 60)).toBe("119 分钟");
    expect(waitText(24 * 3600)).toBe("24 小时");
  });

  it("gives every failed login the same text, and a throttled one its wait", () => {
    expect(loginErrorText("CredentialsSignin")).toBe(LOGIN_FAILED_TEXT);
    expect(loginErrorText("")).toBe(LOGIN_FAILED_TEXT);
    expect(loginErrorText(loginRateLimitedError(120))).toBe("登录尝试过于频繁，请 2 分钟后再试");
  });
});
