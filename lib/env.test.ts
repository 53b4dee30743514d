import { afterEach, describe, expect, test, vi } from "vitest";

// lib/env reads process.env when imported: each case sets the variables, then imports it afresh.
async function loadEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return import("./env");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

const key = "ab".repeat(32);

describe("secrets with a shared (PostgreSQL) database", () => {
  test("without AUTH_SECRET and SECRET_ENCRYPTION_KEY the start fails, naming both", async () => {
    const failure = loadEnv({ DATABASE_URL: "postgresql://ocr@127.0.0.1:5432/ocr", AUTH_SECRET: "", SECRET_ENCRYPTION_KEY: "" });
    await expect(failure).rejects.toThrow(/AUTH_SECRET/);
    await expect(failure).rejects.toThrow(/SECRET_ENCRYPTION_KEY/);
  });

  test("one missing: the start fails naming it", async () => {
    await expect(loadEnv({ DATABASE_URL: "postgres://ocr@db/ocr", AUTH_SECRET: key, SECRET_ENCRYPTION_KEY: "" })).rejects.toThrow(/SECRET_ENCRYPTION_KEY must be set/);
  });

  test("both set: accepted", async () => {
    const { env } = await loadEnv({ DATABASE_URL: "postgresql://ocr@127.0.0.1:5432/ocr", AUTH_SECRET: key, SECRET_ENCRYPTION_KEY: key });
    expect(env.AUTH_SECRET).toBe(key);
  });

  test("SQLite (the embedded default) still generates its keys under DATA_DIR", async () => {
    const { env } = await loadEnv({ DATABASE_URL: "", AUTH_SECRET: "", SECRET_ENCRYPTION_KEY: "" });
    expect(env.AUTH_SECRET).toBeUndefined();
  });
});
