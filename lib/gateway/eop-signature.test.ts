import { describe, expect, test } from "vitest";

import { canonicalQueries, computeSignature, deriveSigningKey, parseEopAuthorization, sha256Hex, signaturesEqual, verifyEopSignature } from "./eop-signature";

describe("parseEopAuthorization", () => {
  test.each([
    ["AK Headers=appkey;ctyun-eop-request-id;eop-date Signature=abc+/=", ["appkey", "ctyun-eop-request-id", "eop-date"], "abc+/="],
    ["AK  Headers = eop-date; host Signature =xad01/ada", ["eop-date", "host"], "xad01/ada"],
    ["AK Headers =ctyun-eop-request-id ; eop-date Signature= sig", ["ctyun-eop-request-id", "eop-date"], "sig"],
    ["AK Header=Eop-Date;ctyun-eop-request-id Signature=sig", ["Eop-Date", "ctyun-eop-request-id"], "sig"],
  ])("%s", (value, headers, signature) => {
    expect(parseEopAuthorization(value)).toEqual({ accessKey: "AK", signedHeaders: headers, signature });
  });

  test.each([
    [""],
    ["AK"],
    ["AK Signature=abc"],
    ["AK Headers=eop-date"],
    ["AK Headers= Signature=abc"],
    ["AK Headers=a;;b Signature=abc"],
    ["Headers=eop-date Signature=abc"],
    ["AK Headers=eop-date Signature="],
  ])("rejects %j", (value) => {
    expect(parseEopAuthorization(value)).toBeNull();
  });
});

describe("canonicalQueries", () => {
  test.each([
    ["", [""]],
    ["?", [""]],
    ["?b=2&a=1", ["a=1&b=2"]],
    // Repeated keys: string order vs. stable order by key.
    ["a=2&a=1", ["a=1&a=2", "a=2&a=1"]],
    // Keys that prefix each other: "-" sorts before "=" as a string, after as a key.
    ["a-b=1&a=2", ["a-b=1&a=2", "a=2&a-b=1"]],
  ])("%j → %j", (query, expected) => {
    expect(canonicalQueries(query)).toEqual(expected);
  });
});

describe("verifyEopSignature", () => {
  const sk = "secret";
  const ak = "AK";
  const date = "20240102T030405Z";
  const body = new TextEncoder().encode('{"data":[]}');
  const values: Record<string, string> = { "ctyun-eop-request-id": "id-1", "eop-date": date, host: "example.com" };

  function sign(names: string[]) {
    const block = [...names].sort().map((n) => `${n}:${values[n]}\n`).join("");
    return computeSignature(deriveSigningKey(sk, ak, date), `${block}\n\n${sha256Hex(body)}`);
  }
  const request = (names: string[], signature: string, header = (n: string) => values[n] ?? null) => ({
    authorization: { accessKey: ak, signedHeaders: names, signature },
    secretKey: sk,
    header,
    rawQuery: "",
    body,
  });

  test("accepts a correct signature", () => {
    const names = ["ctyun-eop-request-id", "eop-date", "host"];
    expect(verifyEopSignature(request(names, sign(names)))).toBe(true);
  });

  test("requires ctyun-eop-request-id and eop-date in the signed list", () => {
    expect(verifyEopSignature(request(["eop-date", "host"], sign(["eop-date", "host"])))).toBe(false);
    expect(verifyEopSignature(request(["ctyun-eop-request-id"], sign(["ctyun-eop-request-id"])))).toBe(false);
  });

  test("fails when a signed header was not sent", () => {
    const names = ["ctyun-eop-request-id", "eop-date", "host"];
    expect(verifyEopSignature(request(names, sign(names), (n) => (n === "host" ? null : values[n]!)))).toBe(false);
  });

  test("signed header names are case-insensitive", () => {
    const signature = sign(["ctyun-eop-request-id", "eop-date"]);
    expect(verifyEopSignature(request(["Ctyun-Eop-Request-Id", "Eop-Date"], signature))).toBe(true);
  });
});

test("signaturesEqual", () => {
  expect(signaturesEqual("abc", "abc")).toBe(true);
  expect(signaturesEqual("abc", "abd")).toBe(false);
  expect(signaturesEqual("abc", "abcd")).toBe(false);
});
