import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/data/users", () => ({
  checkUserPassword: async ({ password }: { userId: string; password: string }) => password === "right-password",
}));

const { REAUTH_ATTEMPTS, confirmPassword } = await import("./reauth");

describe("password re-entry", () => {
  it("refuses a wrong password, then any password once the failures are spent", async () => {
    for (let i = 0; i < REAUTH_ATTEMPTS; i++) {
      await expect(confirmPassword({ userId: "u1", password: `guess-${i}` })).rejects.toMatchObject({ userMessage: "登录密码不正确" });
    }
    await expect(confirmPassword({ userId: "u1", password: "right-password" })).rejects.toMatchObject({
      code: "rate_limited",
      userMessage: "密码验证失败次数过多，请 15 分钟后再试",
    });
    // Another user has its own budget.
    await expect(confirmPassword({ userId: "u2", password: "right-password" })).resolves.toBeUndefined();
  });

  it("does not spend the budget on the right password", async () => {
    for (let i = 0; i < REAUTH_ATTEMPTS * 2; i++)
      await expect(confirmPassword({ userId: "u3", password: "right-password" })).resolves.toBeUndefined();
    await expect(confirmPassword({ userId: "u3", password: "wrong" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
