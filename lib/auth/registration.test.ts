import { beforeEach, describe, expect, it, vi } from "vitest";

import { AppError } from "@/lib/errors";

const createUser = vi.fn();
vi.mock("@/lib/data/users", () => ({ createUser: (opts: unknown) => createUser(opts) }));

const { REGISTRATIONS_PER_IP, registerAccount } = await import("./registration");

const input = (email: string) => ({ email, name: "", password: "Some-Pass-2024", confirm: "Some-Pass-2024" });

describe("registration", () => {
  beforeEach(() => {
    createUser.mockReset();
  });

  it("answers an existing address exactly like a new one", async () => {
    createUser.mockResolvedValueOnce({ id: "u1", email: "new@example.com" });
    const created = await registerAccount({ input: input("New@Example.com"), ip: "192.0.2.1" });
    createUser.mockRejectedValueOnce(new AppError("conflict", "exists", "该邮箱已注册"));
    const existing = await registerAccount({ input: input("Taken@Example.com "), ip: "192.0.2.1" });
    expect(created).toEqual({ email: "new@example.com" });
    expect(existing).toEqual({ email: "taken@example.com" });
  });

  it("throttles per IP before any password is hashed", async () => {
    createUser.mockImplementation(async ({ email }: { email: string }) => ({ id: email, email }));
    for (let i = 0; i < REGISTRATIONS_PER_IP; i++) await registerAccount({ input: input(`u${i}@example.com`), ip: "192.0.2.2" });
    createUser.mockClear();
    await expect(registerAccount({ input: input("one-more@example.com"), ip: "192.0.2.2" })).rejects.toMatchObject({
      code: "rate_limited",
      userMessage: "注册过于频繁，请 60 分钟后再试",
    });
    expect(createUser).not.toHaveBeenCalled();
    await expect(registerAccount({ input: input("elsewhere@example.com"), ip: "192.0.2.3" })).resolves.toEqual({
      email: "elsewhere@example.com",
    });
  });

  it("passes other failures on", async () => {
    createUser.mockRejectedValueOnce(new Error("disk full"));
    await expect(registerAccount({ input: input("x@example.com"), ip: "192.0.2.4" })).rejects.toThrow("disk full");
  });
});
