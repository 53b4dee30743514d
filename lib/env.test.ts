import { spawnSync } from "node:child_process";

import { afterEach, describe, expect, it, test, vi } from "vitest";

import { parseEnv } from "./env";

// Configuration mistakes fail at start with the variable's name (review L5), not per request.
describe("EOP_CLIENT_UTC_OFFSET_MINUTES", () => {
  test.each([
    [undefined, 480],
    ["", 480],
    ["480", 480],
    [" -720 ", -720],
    ["+840", 840],
    ["0", 0],
    ["off", null],
    ["OFF", null],
  ])("%j → %j", (value, expected) => {
    expect(parseEnv({ EOP_CLIENT_UTC_OFFSET_MINUTES: value }).EOP_CLIENT_UTC_OFFSET_MINUTES).toBe(expected);
  });

  test.each(["+8h", "8.5", "480abc", "-721", "841", "1e2", "0x1E0", "of", "480 minutes", "NaN", "Infinity"])("refuses %j", (value) => {
    expect(() => parseEnv({ EOP_CLIENT_UTC_OFFSET_MINUTES: value })).toThrow(/EOP_CLIENT_UTC_OFFSET_MINUTES/);
  });
});

describe("TRUSTED_PROXIES", () => {
  test("defaults to loopback; accepts IPs and CIDR blocks", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toBe("127.0.0.1,::1");
    expect(parseEnv({ TRUSTED_PROXIES: "10.0.0.0/8, 2001:db8::/32" }).TRUSTED_PROXIES).toBe("10.0.0.0/8, 2001:db8::/32");
  });

  test.each(["localhost", "10.0.0.0/33", "10.0.0.1,nginx", "10.0.0.0/x"])("refuses %j", (value) => {
    expect(() => parseEnv({ TRUSTED_PROXIES: value })).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("LISTEN_HOST", () => {
  test("defaults to all interfaces, whatever HOSTNAME says (containers set it to their own name)", () => {
    expect(parseEnv({ HOSTNAME: "3f2a9c1d7e4b" }).LISTEN_HOST).toBe("0.0.0.0");
    expect(parseEnv({ LISTEN_HOST: "127.0.0.1" }).LISTEN_HOST).toBe("127.0.0.1");
  });

  test("refuses a blank value", () => {
    expect(() => parseEnv({ LISTEN_HOST: "  " })).toThrow(/LISTEN_HOST/);
  });
});

describe("secrets with a shared (PostgreSQL) database", () => {
  const key = "ab".repeat(32);

  test("without AUTH_SECRET and SECRET_ENCRYPTION_KEY the start fails, naming both", () => {
    const start = () => parseEnv({ DATABASE_URL: "postgresql://ocr@127.0.0.1:5432/ocr", AUTH_SECRET: "", SECRET_ENCRYPTION_KEY: "" });
    expect(start).toThrow(/AUTH_SECRET/);
    expect(start).toThrow(/SECRET_ENCRYPTION_KEY/);
  });

  test("one missing: the start fails naming it", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://ocr@db/ocr", AUTH_SECRET: key, SECRET_ENCRYPTION_KEY: "" })).toThrow(
      /SECRET_ENCRYPTION_KEY must be set/,
    );
  });

  test("both set: accepted", () => {
    expect(
      parseEnv({ DATABASE_URL: "postgresql://ocr@127.0.0.1:5432/ocr", AUTH_SECRET: key, SECRET_ENCRYPTION_KEY: key }).AUTH_SECRET,
    ).toBe(key);
  });

  test("SQLite (the embedded default) needs neither: they are generated into DATA_DIR", () => {
    expect(parseEnv({}).AUTH_SECRET).toBeUndefined();
  });
});

/** lib/env.ts as it loads with these variables (unset: undefined). */
async function loadEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries({
    PUBLIC_URL: undefined,
    NEXTAUTH_URL: undefined,
    DATABASE_URL: undefined,
    PAYMENTS_TEST_PROVIDER: undefined,
    ...vars,
  })) {
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

  it.each(["ocr.example.com", "ftp://ocr.example.com", "https://ocr.example.com/console", "javascript:alert(1)"])(
    "refuses %j at start, naming the variable",
    async (value) => {
      await expect(loadEnv({ PUBLIC_URL: value })).rejects.toThrow(/PUBLIC_URL/);
    },
  );
});

describe("PAYMENTS_TEST_PROVIDER", () => {
  // A PostgreSQL deployment must also bring its keys (see "secrets with a shared database").
  const deployment = { DATABASE_URL: "postgresql://ocr@db:5432/ocr", AUTH_SECRET: "ab".repeat(32), SECRET_ENCRYPTION_KEY: "ab".repeat(32) };

  it("is on for the embedded default and off once DATABASE_URL configures a deployment", async () => {
    expect((await loadEnv({})).testPaymentsEnabled).toBe(true);
    expect((await loadEnv(deployment)).testPaymentsEnabled).toBe(false);
  });

  it("follows the setting either way", async () => {
    expect((await loadEnv({ ...deployment, PAYMENTS_TEST_PROVIDER: "on" })).testPaymentsEnabled).toBe(true);
    expect((await loadEnv({ PAYMENTS_TEST_PROVIDER: "off" })).testPaymentsEnabled).toBe(false);
    await expect(loadEnv({ PAYMENTS_TEST_PROVIDER: "yes" })).rejects.toThrow(/PAYMENTS_TEST_PROVIDER/);
  });
});

describe("CALL_RECORD_RETENTION_DAYS", () => {
  test("defaults to 90 days and takes a whole number of days", () => {
    expect(parseEnv({ CALL_RECORD_RETENTION_DAYS: "" }).CALL_RECORD_RETENTION_DAYS).toBe(90);
    expect(parseEnv({ CALL_RECORD_RETENTION_DAYS: "30" }).CALL_RECORD_RETENTION_DAYS).toBe(30);
  });

  test.each(["abc", "0", "-5", "1.5"])("%s fails at start, naming the variable", (value) => {
    expect(() => parseEnv({ CALL_RECORD_RETENTION_DAYS: value })).toThrow(/CALL_RECORD_RETENTION_DAYS/);
  });
});

describe("OCR_WORKER_NICE", () => {
  test("defaults to 10; 0 leaves the workers at the server's priority", () => {
    expect(parseEnv({}).OCR_WORKER_NICE).toBe(10);
    expect(parseEnv({ OCR_WORKER_NICE: "0" }).OCR_WORKER_NICE).toBe(0);
  });

  test.each(["-1", "20", "5.5", "high"])("%s fails at start, naming the variable", (value) => {
    expect(() => parseEnv({ OCR_WORKER_NICE: value })).toThrow(/OCR_WORKER_NICE/);
  });
});

describe("entry scripts", () => {
  // scripts/server.mjs and scripts/start.mjs validate with lib/env/schema.mjs before starting anything.
  test.each([
    ["scripts/server.mjs", { PORT: "http" }, /PORT/],
    ["scripts/server.mjs", { TRUSTED_PROXIES: "nginx" }, /TRUSTED_PROXIES/],
    ["scripts/server.mjs", { OCR_WORKER_NICE: "40" }, /OCR_WORKER_NICE/],
  ])("%s refuses a bad %j at start, naming the variable", (script, vars, message) => {
    const run = spawnSync(process.execPath, [script], { env: { ...process.env, ...vars }, encoding: "utf8", timeout: 60_000 });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(message);
  });
});
