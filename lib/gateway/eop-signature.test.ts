import { describe, expect, test } from "vitest";

import {
  canonicalQueries,
  computeSignature,
  deriveSigningKey,
  MAX_AUTHORIZATION_LENGTH,
  parseEopAuthorization,
  sha256Hex,
  signaturesEqual,
  verifyEopSignature,
  checkEopSignature,
} from "./eop-signature";

describe("parseEopAuthorization", () => {
  test.each([
    ["AK Headers=appkey;ctyun-eop-request-id;eop-date Signature=abc+/=", ["appkey", "ctyun-eop-request-id", "eop-date"], "abc+/="],
    ["AK  Headers = eop-date; host Signature =xad01/ada", ["eop-date", "host"], "xad01/ada"],
    ["AK Headers =ctyun-eop-request-id ; eop-date Signature= sig", ["ctyun-eop-request-id", "eop-date"], "sig"],
    ["AK Header=Eop-Date;ctyun-eop-request-id Signature=sig", ["Eop-Date", "ctyun-eop-request-id"], "sig"],
    ["  AK\tHEADERS\t=\teop-date ;\tx-custom_1  SIGNATURE  =  a/b+c==  ", ["eop-date", "x-custom_1"], "a/b+c=="],
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
    ["AK Headers=eop-dateSignature=abc"],
    ["AK Headers=eop-date Signature=abc def"],
    ["AK Headers=a=b Signature=abc"],
    // Two Eop-Authorization headers arrive joined with ", ".
    ["AK Headers=eop-date Signature=abc, AK Headers=eop-date Signature=abd"],
    // Not header names (RFC 9110 token): Headers.get would throw on them (review L4).
    ["AK Headers=a(b;eop-date Signature=abc"],
    ["AK Headers=a:b;eop-date Signature=abc"],
    ["AK Headers=\u00e9;eop-date Signature=abc"],
    ["AK Headers=a/b;eop-date Signature=abc"],
    ["AK Headers=a,b;eop-date Signature=abc"],
  ])("rejects %j", (value) => {
    expect(parseEopAuthorization(value)).toBeNull();
  });

  test("every name it accepts is one Headers.get takes", () => {
    const parsed = parseEopAuthorization("AK Headers=!#$%&'*+-.^_`|~09azAZ;eop-date Signature=abc");
    expect(parsed?.signedHeaders).toHaveLength(2);
    for (const name of parsed!.signedHeaders) expect(() => new Headers().get(name)).not.toThrow();
  });
});

describe("parseEopAuthorization on hostile input (review H1)", () => {
  /** Best of a few runs, so a busy machine does not fail the bound. */
  function bestMs(fn: () => unknown): number {
    let best = Infinity;
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      fn();
      best = Math.min(best, performance.now() - start);
    }
    return best;
  }

  test("a header one byte over the cap is refused; one at the cap is parsed", () => {
    const signature = "s".repeat(MAX_AUTHORIZATION_LENGTH - "AK Headers=eop-date Signature=".length);
    expect(parseEopAuthorization(`AK Headers=eop-date Signature=${signature}`)).not.toBeNull();
    expect(parseEopAuthorization(`AK Headers=eop-date Signature=${signature}s`)).toBeNull();
  });

  test.each([
    ["64 KiB of spaces inside the list", `A Headers=x${" ".repeat(64 * 1024)}y`],
    ["64 KiB, no Signature", `A Headers=${"x ".repeat(32 * 1024)}`],
    // Under the cap, so the parser itself runs: the old regex backtracked quadratically on these.
    ["4 KiB of spaces inside the list", `A Headers=x${" ".repeat(MAX_AUTHORIZATION_LENGTH - 13)}y`],
    ["4 KiB of spaces before a late Signature", `A Headers=x${" ".repeat(MAX_AUTHORIZATION_LENGTH - 40)}Signature`],
    ["4 KiB of alternating words", `A Headers=${"x ".repeat(MAX_AUTHORIZATION_LENGTH / 2 - 8)}`],
  ])("%s: refused in well under 5 ms", (_name, value) => {
    let result: unknown = "unset";
    expect(bestMs(() => (result = parseEopAuthorization(value)))).toBeLessThan(5);
    expect(result).toBeNull();
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
    const block = [...names]
      .sort()
      .map((n) => `${n}:${values[n]}\n`)
      .join("");
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

  test("says which check failed (the 10020's details)", () => {
    const names = ["ctyun-eop-request-id", "eop-date", "host"];
    expect(checkEopSignature(request(names, sign(names)))).toBeNull();
    expect(checkEopSignature(request(["eop-date"], sign(["eop-date"])))).toEqual({ reason: "requiredHeadersUnsigned" });
    expect(checkEopSignature(request(names, sign(names), (n) => (n === "host" ? null : values[n]!)))).toEqual({
      reason: "signedHeaderMissing",
      header: "host",
    });
    expect(checkEopSignature(request(names, sign(["ctyun-eop-request-id", "eop-date"])))).toEqual({ reason: "signatureMismatch" });
  });
});

test("signaturesEqual", () => {
  expect(signaturesEqual("abc", "abc")).toBe(true);
  expect(signaturesEqual("abc", "abd")).toBe(false);
  expect(signaturesEqual("abc", "abcd")).toBe(false);
});
