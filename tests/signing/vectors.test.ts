import { describe, expect, test } from "vitest";

import {
  buildHeaderBlock,
  buildStringToSign,
  canonicalQueries,
  computeSignature,
  deriveSigningKey,
  parseEopAuthorization,
  sha256Hex,
  verifyEopSignature,
} from "@/lib/gateway/eop-signature";

import vectors from "./vectors.json";

// Vectors come from tests/signing/make_vectors.py (Python stdlib, mirroring the seed's client).

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

const cases = (vectors as unknown as Vector[]).map((v) => [v.name, v] as const);

function signedRequest(v: Vector, overrides: { body?: Uint8Array; secretKey?: string; query?: string } = {}) {
  const headers = new Headers(v.headers);
  return {
    authorization: parseEopAuthorization(headers.get("eop-authorization")!)!,
    secretKey: overrides.secretKey ?? v.secretKey,
    header: (name: string) => headers.get(name),
    rawQuery: overrides.query ?? v.query,
    body: overrides.body ?? Buffer.from(v.bodyBase64, "base64"),
  };
}

describe("EOP signing vectors", () => {
  test.each(cases)("%s: the TypeScript signer reproduces Python's signature", (_name, v) => {
    const request = signedRequest(v);
    const { authorization } = request;
    expect(authorization.accessKey).toBe(v.accessKey);
    expect(authorization.signature).toBe(v.signature);
    const block = buildHeaderBlock(
      authorization.signedHeaders.map((n) => n.toLowerCase()),
      (n) => request.header(n)!,
    );
    const stringToSign = buildStringToSign(block, canonicalQueries(v.query).at(-1)!, sha256Hex(request.body));
    expect(stringToSign).toBe(v.stringToSign);
    const eopDate = request.header("eop-date")!;
    expect(computeSignature(deriveSigningKey(v.secretKey, v.accessKey, eopDate), stringToSign)).toBe(v.signature);
  });

  test.each(cases)("%s: verifies", (_name, v) => {
    expect(verifyEopSignature(signedRequest(v))).toBe(true);
  });

  test.each(cases)("%s: a changed body, key or query fails", (_name, v) => {
    expect(verifyEopSignature(signedRequest(v, { body: Buffer.from("tampered") }))).toBe(false);
    expect(verifyEopSignature(signedRequest(v, { secretKey: `${v.secretKey}x` }))).toBe(false);
    expect(verifyEopSignature(signedRequest(v, { query: "extra=1" }))).toBe(false);
  });
});
