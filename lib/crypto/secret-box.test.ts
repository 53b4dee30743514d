import { describe, expect, test } from "vitest";

import { useTempDatabase } from "@/tests/support/temp-db";

const { dataDir } = useTempDatabase();
const { encryptSecret, decryptSecret } = await import("@/lib/crypto/secret-box");
const fs = await import("node:fs");

describe("secret box", () => {
  test("round-trips, uses a fresh IV each time, and keeps the key outside the database", () => {
    const a = encryptSecret("0123456789abcdef");
    const b = encryptSecret("0123456789abcdef");
    expect(a).not.toBe(b);
    expect(a).not.toContain("0123456789abcdef");
    expect(decryptSecret(a)).toBe("0123456789abcdef");
    expect(fs.existsSync(`${dataDir}/secret.key`)).toBe(true);
  });

  test("a tampered ciphertext is refused", () => {
    const parts = encryptSecret("secret").split(":");
    parts[3] = Buffer.from("XXXXXX").toString("base64");
    expect(() => decryptSecret(parts.join(":"))).toThrow();
  });
});
