import { execFile, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";

// Issue 13: back up the embedded database while the server writes to it, and restore it.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ocr-backup-"));
const dbFile = path.join(dataDir, "ocr.db");

const adminArgs = (args: string[]) => ["scripts/run-admin.mjs", ...args];
const adminEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" };

function admin(...args: string[]): { status: number; json: any } {
  try {
    const out = execFileSync(process.execPath, adminArgs(args), { env: adminEnv, stdio: ["ignore", "pipe", "pipe"] });
    return { status: 0, json: JSON.parse(out.toString()) };
  } catch (err) {
    const e = err as { status: number; stdout: Buffer };
    return { status: e.status, json: JSON.parse(e.stdout.toString()) };
  }
}

/** The same, without blocking this process while the writer runs. */
const adminAsync = (...args: string[]) =>
  new Promise<{ status: number; json: any }>((resolve) =>
    execFile(process.execPath, adminArgs(args), { env: adminEnv }, (err, stdout) =>
      resolve({ status: err ? 1 : 0, json: JSON.parse(stdout) }),
    ),
  );

const WRITER = `
const db = new (require("better-sqlite3"))(process.argv[1], { timeout: 5000 });
let n = 0;
const timer = setInterval(() => db.prepare("INSERT INTO ReplayNonce (accessKey, requestId, expiresAt) VALUES ('k', ?, 0)").run("w" + n++), 5);
process.on("SIGTERM", () => { clearInterval(timer); process.stdout.write(String(n)); process.exit(0); });`;

const emails = (file: string) => {
  const conn = new Database(file, { readonly: true });
  try {
    return (conn.prepare("SELECT email FROM User ORDER BY email").all() as { email: string }[]).map((r) => r.email);
  } finally {
    conn.close();
  }
};

describe.skipIf(Boolean(process.env.TEST_POSTGRES_URL))("admin backup / restore (SQLite)", () => {
  test("a consistent backup while another connection writes; restore brings that content back", async () => {
    expect(admin("create-user", "--email", "before@example.com", "--password", "secret-pass").status).toBe(0);
    const backup = path.join(dataDir, "backup.db");

    // A "server" process writing all the time the backup runs (one write every 5 ms).
    const writer = spawn(process.execPath, ["-e", WRITER, dbFile], { stdio: ["ignore", "pipe", "inherit"] });
    const writes = new Promise<number>((resolve) => writer.stdout.on("data", (c: Buffer) => resolve(Number(c.toString()))));
    await new Promise((r) => setTimeout(r, 300));
    const result = await adminAsync("backup", "--to", backup);
    writer.kill("SIGTERM");
    expect(await writes).toBeGreaterThan(50);
    expect(result.status).toBe(0);
    expect(result.json).toMatchObject({ file: backup, bytes: fs.statSync(backup).size });
    expect(emails(backup)).toEqual(["before@example.com"]);
    expect(fs.existsSync(`${backup}.partial`)).toBe(false);

    const later = new Database(dbFile);
    later.prepare("INSERT INTO User (id, email, passwordHash, createdAt) VALUES ('u2', 'after@example.com', 'x', 0)").run();
    later.close();
    expect(emails(dbFile)).toEqual(["after@example.com", "before@example.com"]);
    expect(admin("restore", "--from", backup)).toMatchObject({ status: 0, json: { file: dbFile } });
    expect(emails(dbFile)).toEqual(["before@example.com"]);
  }, 180_000);

  test("backup never overwrites; restore refuses a file that is not one of our databases and leaves the database alone", () => {
    expect(admin("backup", "--to", path.join(dataDir, "backup.db")).json.error.code).toBe("conflict");
    const junk = path.join(dataDir, "junk.db");
    fs.writeFileSync(junk, "not a database");
    const before = emails(dbFile);
    const out = admin("restore", "--from", junk);
    expect(out.status).not.toBe(0);
    expect(out.json.error.code).toBe("internal"); // better-sqlite3: file is not a database
    expect(admin("restore", "--from", path.join(dataDir, "missing.db")).json.error.code).toBe("not_found");
    expect(emails(dbFile)).toEqual(before);
  }, 180_000);
});
