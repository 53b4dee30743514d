import { describe, expect, test } from "vitest";

import { decodeBase64Payload } from "./base64";

const bytes = Uint8Array.from([0xfb, 0xff, 0xfe, 0x00, 0x10, 0x83]);
const standard = Buffer.from(bytes).toString("base64"); // "+//+ABCD" style alphabet
const urlSafe = Buffer.from(bytes).toString("base64url");

describe("decodeBase64Payload", () => {
  test.each([
    ["standard, padded", Buffer.from("hello").toString("base64")],
    ["standard, unpadded", Buffer.from("hello").toString("base64").replace(/=+$/, "")],
  ])("accepts %s", (_, s) => {
    expect(Buffer.from(decodeBase64Payload(s)!).toString()).toBe("hello");
  });

  test.each([
    ["standard alphabet", standard],
    ["url-safe alphabet", urlSafe],
    ["url-safe with padding", `${urlSafe}`.padEnd(Math.ceil(urlSafe.length / 4) * 4, "=")],
  ])("decodes %s to the same bytes", (_, s) => {
    expect(decodeBase64Payload(s)).toEqual(bytes);
  });

  test.each([
    ["empty", ""],
    ["data URL prefix", `data:image/png;base64,${standard}`],
    ["whitespace", "aGVs bG8="],
    ["newline", "aGVs\nbG8="],
    ["junk character", "aGVs*bG8="],
    ["mixed alphabets", "+/-_"],
    ["padding in the middle", "aG=Vs"],
    ["too much padding", "aGVsbG8==="],
    ["wrong padding length", "aGVsbA="],
    ["single leftover char", "aGVsb"],
    ["only padding", "=="],
  ])("rejects %s", (_, s) => {
    expect(decodeBase64Payload(s)).toBeNull();
  });
});
