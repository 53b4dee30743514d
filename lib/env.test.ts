import { afterEach, describe, expect, it, vi } from "vitest";

/** lib/env.ts as it loads with these variables (unset: undefined). */
async function loadEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries({ PUBLIC_URL: undefined, NEXTAUTH_URL: undefined, DATABASE_URL: undefined, PAYMENTS_TEST_PROVIDER: undefined, ...vars })) {
    vi.stubEnv(name, value);
  }
  return import("./env");
}

afterEach(() => vi.unstubAllEnvs());

describe("PUBLIC_URL", () => {
  it("makes cookies Secure when https, and is what next-auth reads as NEXTAUTH_URL", async () => {
    const env = await loadEnv({ PUBLIC_URL: "https://ocr.example.com/" });
    expect(env.publicOrigin).toBe("https://ocr.example.com");
    expect(env.secureCookies).toBe(true);
    expect(process.env.NEXTAUTH_URL).toBe("https://ocr.example.com");
  });

  it("keeps plain cookies for http or when unset; NEXTAUTH_URL is an alias", async () => {
    expect((await loadEnv({ PUBLIC_URL: "http://10.0.0.5:3000" })).secureCookies).toBe(false);
    expect((await loadEnv({})).secureCookies).toBe(false);
    expect((await loadEnv({ NEXTAUTH_URL: "https://console.example.com" })).secureCookies).toBe(true);
  });

  it.each(["ocr.example.com", "ftp://ocr.example.com", "https://ocr.example.com/console", "javascript:alert(1)"])("refuses %j at start, naming the variable", async (value) => {
    await expect(loadEnv({ PUBLIC_URL: value })).rejects.toThrow(/PUBLIC_URL/);
  });
});

describe("PAYMENTS_TEST_PROVIDER", () => {
  it("is on for the embedded default and off once DATABASE_URL configures a deployment", async () => {
    expect((await loadEnv({})).testPaymentsEnabled).toBe(true);
    expect((await loadEnv({ DATABASE_URL: "postgresql://ocr@db:5432/ocr" })).testPaymentsEnabled).toBe(false);
  });

  it("follows the setting either way", async () => {
    expect((await loadEnv({ DATABASE_URL: "postgresql://ocr@db:5432/ocr", PAYMENTS_TEST_PROVIDER: "on" })).testPaymentsEnabled).toBe(true);
    expect((await loadEnv({ PAYMENTS_TEST_PROVIDER: "off" })).testPaymentsEnabled).toBe(false);
    await expect(loadEnv({ PAYMENTS_TEST_PROVIDER: "yes" })).rejects.toThrow(/PAYMENTS_TEST_PROVIDER/);
  });
});
