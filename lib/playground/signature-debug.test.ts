import { describe, expect, test } from "vitest";

import { deriveSigningKey } from "@/lib/gateway/eop-signature";
import vectors from "@/tests/signing/vectors.json";

import { debugSignature, parseHeaderLines, type SignatureDebugRequest } from "./signature-debug";

// The debugger must say exactly what the gateway computes: the Python-made vectors (the seed's
// client and its variants) give their string to sign and signature, and the gateway's verifier
// accepts what the debugger calls accepted.

interface Vector {
  name: string;
  accessKey: string;
  secretKey: string;
  query: string;
  headers: Record<string, string>;
  bodyBase64: string;
  stringToSign: string;
  signature: string;
}

const utf8Vectors = (vectors as unknown as Vector[]).filter((v) => {
  const bytes = Buffer.from(v.bodyBase64, "base64");
  return Buffer.from(bytes.toString("utf8"), "utf8").equals(bytes);
});

function requestOf(v: Vector, overrides: Partial<SignatureDebugRequest> = {}): SignatureDebugRequest {
  return {
    method: "POST",
    path: "/v1/aiop/api/2f3p1pnxpqm8/ocrdetect/ocr/v1/image.json",
    query: v.query,
    headers: Object.entries(v.headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join("\n"),
    body: Buffer.from(v.bodyBase64, "base64").toString("utf8"),
    accessKey: v.accessKey,
    secretKey: v.secretKey,
    signedHeaders: "",
    authorization: "",
    ...overrides,
  };
}

const NOW = new Date("2021-12-21T16:30:14Z");

describe("debugSignature", () => {
  test.each(utf8Vectors.map((v) => [v.name, v] as const))("%s: the vector's string to sign and signature, accepted", (_, v) => {
    const result = debugSignature(requestOf(v), NOW);
    expect(result.stringToSign).toBe(v.stringToSign);
    expect(result.signature).toBe(v.signature);
    expect(result.keys.kdate).toBe(
      deriveSigningKey(v.secretKey, v.accessKey, parseHeaderLines(requestOf(v).headers).get("eop-date")!).toString("hex"),
    );
    expect(result.comparison).toMatchObject({ accepted: true, reasons: [] });
  });

  test("a wrong SecretKey or an edited body is not accepted, and says which part differs", () => {
    const v = utf8Vectors[0]!;
    const wrongKey = debugSignature(requestOf(v, { secretKey: "0".repeat(32) }), NOW);
    expect(wrongKey.comparison?.accepted).toBe(false);
    expect(wrongKey.comparison?.reasons.join()).toMatch(/Signature 不同/);
    const edited = debugSignature(requestOf(v, { body: `${requestOf(v).body} ` }), NOW);
    expect(edited.comparison?.accepted).toBe(false);
    expect(edited.bodySha256).not.toBe(v.stringToSign.slice(-64));
    const otherAk = debugSignature(
      requestOf(v, { authorization: v.headers["Eop-Authorization"]!.replace(v.accessKey, "f".repeat(32)) }),
      NOW,
    );
    expect(otherAk.comparison?.reasons.join()).toMatch(/AccessKey 不同/);
  });

  test("notes what the gateway would refuse before the signature", () => {
    const v = utf8Vectors[0]!;
    const result = debugSignature(
      requestOf(v, { method: "GET", signedHeaders: "appkey;eop-date;x-missing", headers: "appkey: k\neop-date: 2021-12-21" }),
      NOW,
    );
    expect(result.notes.join("\n")).toMatch(/只接受 POST/);
    expect(result.notes.join("\n")).toMatch(/未填写：x-missing/);
    expect(result.notes.join("\n")).toMatch(/必须包含 ctyun-eop-request-id/);
    expect(result.notes.join("\n")).toMatch(/格式不对/);
    expect(result.comparison).toBeNull();
    expect(debugSignature(requestOf(v), new Date(NOW.getTime() + 30 * 60_000)).notes.join()).toMatch(/相差 -30 分钟/);
  });

  test("an unparsable Eop-Authorization is reported as such", () => {
    const result = debugSignature(requestOf(utf8Vectors[0]!, { authorization: "just-a-signature" }), NOW);
    expect(result.comparison).toMatchObject({ accepted: false, reasons: [expect.stringMatching(/无法解析/)] });
  });
});
