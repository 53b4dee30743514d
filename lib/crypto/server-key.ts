import "server-only";

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { dataDir } from "@/lib/env";

/**
 * Reads a 32-byte server key from `envValue` (hex or base64) or from `<DATA_DIR>/<fileName>`,
 * creating that file (mode 0600) on first use. Keys live outside the database on purpose:
 * a database dump alone must not reveal secrets.
 */
export function loadOrCreateServerKey(fileName: string, envValue: string | undefined): Buffer {
  if (envValue) return parseKey(envValue, "environment");
  const file = path.join(dataDir, fileName);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString("hex") + "\n", { mode: 0o600, flag: "wx" });
    } catch (err) {
      // Another process created it first: fall through and read theirs.
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  return parseKey(fs.readFileSync(file, "utf8").trim(), file);
}

function parseKey(value: string, source: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (key.length !== 32) throw new Error(`Server key from ${source} must be 32 bytes (64 hex chars or base64).`);
  return key;
}
