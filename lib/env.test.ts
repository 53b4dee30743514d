import { afterEach, describe, expect, test, vi } from "vitest";

const loadEnv = async (vars: Record<string, string>) => {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  return import("./env");
};

afterEach(() => vi.unstubAllEnvs());

describe("CALL_RECORD_RETENTION_DAYS", () => {
  test("defaults to 90 days and takes a whole number of days", async () => {
    expect((await loadEnv({ CALL_RECORD_RETENTION_DAYS: "" })).env.CALL_RECORD_RETENTION_DAYS).toBe(90);
    expect((await loadEnv({ CALL_RECORD_RETENTION_DAYS: "30" })).env.CALL_RECORD_RETENTION_DAYS).toBe(30);
  });

  test.each(["abc", "0", "-5", "1.5"])("%s fails at start, naming the variable", async (value) => {
    await expect(loadEnv({ CALL_RECORD_RETENTION_DAYS: value })).rejects.toThrow(/CALL_RECORD_RETENTION_DAYS/);
  });
});
