import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, test } from "vitest";

// The operator CLI is a stable interface for outside tools: one JSON document on stdout, JSON error + non-zero exit.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ocr-admin-"));

function admin(...args: string[]): { status: number; json: any } {
  try {
    const out = execFileSync(process.execPath, ["scripts/run-admin.mjs", ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { status: 0, json: JSON.parse(out.toString()) };
  } catch (err) {
    const e = err as { status: number; stdout: Buffer };
    return { status: e.status, json: JSON.parse(e.stdout.toString()) };
  }
}

describe("admin CLI", () => {
  test("bootstrap creates the demo account once, and demo-credentials reads it back", () => {
    expect(admin("bootstrap").json).toEqual({ created: true });
    expect(admin("bootstrap").json).toEqual({ created: false });
    const creds = admin("demo-credentials").json;
    expect(Object.keys(creds).sort()).toEqual(["accessKey", "appKey", "email", "password", "secretKey"]);
    expect(creds.accessKey).toMatch(/^[0-9a-f]{32}$/);
    const apps = admin("list-apps", "--email", creds.email).json;
    expect(apps[0].capabilities.sort()).toEqual(["general", "idcard", "license", "plate"]);
    const packs = admin("list-packs", "--email", creds.email).json;
    expect(packs.map((p: { capability: string }) => p.capability).sort()).toEqual(["general", "idcard", "plate"]);
  });

  test("users, keys, apps and packs", () => {
    expect(admin("create-user", "--email", "Ops@Example.com", "--password", "s3cret-pass").json).toMatchObject({
      email: "ops@example.com",
    });
    const key = admin("create-access-key", "--email", "ops@example.com").json;
    expect(key.secretKey).toMatch(/^[0-9a-f]{32}$/);
    expect(admin("disable-access-key", "--access-key", key.accessKey).json).toEqual({ accessKey: key.accessKey, enabled: false });
    const app = admin(
      "create-app",
      "--email",
      "ops@example.com",
      "--name",
      "计费系统",
      "--capabilities",
      "general,plate",
      "--qps",
      "2",
      "--ip-allow",
      "10.0.0.0/8",
    ).json;
    expect(Object.keys(app).sort()).toEqual(["appId", "appKey", "appSecret"]);
    const listed = admin("list-apps", "--email", "ops@example.com").json;
    expect(listed).toEqual([
      { appId: app.appId, name: "计费系统", appKey: app.appKey, qps: 2, ipAllow: "10.0.0.0/8", capabilities: ["general", "plate"] },
    ]);
    const pack = admin(
      "grant-pack",
      "--email",
      "ops@example.com",
      "--capability",
      "general",
      "--calls",
      "100",
      "--used",
      "40",
      "--valid-days",
      "10",
    ).json;
    expect(pack).toMatchObject({ capability: "general", total: 100, used: 40, remaining: 60, expired: false });
    const expired = admin(
      "grant-pack",
      "--email",
      "ops@example.com",
      "--capability",
      "plate",
      "--calls",
      "5",
      "--expires-at",
      "2020-01-01T00:00:00Z",
    ).json;
    expect(expired).toMatchObject({ expired: true, validTo: "2020-01-01T00:00:00.000Z" });
  });

  test.each([
    [["nope"], "invalid"],
    [["create-user", "--email", "x@example.com"], "invalid"],
    [["create-user", "--email", "ops@example.com", "--password", "another-pass"], "conflict"],
    [["create-access-key", "--email", "nobody@example.com"], "not_found"],
    [["create-app", "--email", "ops@example.com", "--name", "x", "--capabilities", "general,ocr"], "invalid"],
    [["grant-pack", "--email", "ops@example.com", "--capability", "general", "--calls", "-3"], "invalid"],
    [["disable-access-key", "--access-key", "missing"], "not_found"],
    [["create-user", "--bogus-flag", "1"], "invalid"],
  ])("%j fails with a JSON error (%s)", (args, code) => {
    const { status, json } = admin(...args);
    expect(status).not.toBe(0);
    expect(json.error.code).toBe(code);
  });
});
