import { describe, expect, test } from "vitest";

import { CapabilityError } from "@/lib/capabilities/capability-error";

import { BUSINESS_LICENSE_ERRORS } from "./errors";
import { parseBusinessLicenseRequest } from "./request";

const bytes = (s: string) => new TextEncoder().encode(s);
const body = (o: unknown) => bytes(JSON.stringify(o));

describe("business licence checks, in the seed's order", () => {
  test.each([
    ["empty body", bytes(""), 400003],
    ["not JSON", bytes("Action=BusinessCardOCR"), 400004],
    ["not a dict", body(["BusinessCardOCR"]), 400005],
    ["missing ImageData", body({ Action: "BusinessCardOCR" }), 400006],
    ["missing Action", body({ ImageData: "x" }), 400006],
    ["missing both, extra key present", body({ data: ["x"] }), 400006],
    ["extra key", body({ Action: "BusinessCardOCR", ImageData: "x", Extra: 1 }), 400007],
    ["Action not a string", body({ Action: 1, ImageData: "x" }), 400008],
    ["ImageData not a string", body({ Action: "BusinessCardOCR", ImageData: ["x"] }), 400008],
    ["wrong Action", body({ Action: "IdCardOCR", ImageData: "x" }), 400009],
    ["empty ImageData", body({ Action: "BusinessCardOCR", ImageData: "" }), 400010],
  ])("%s → %i", (_name, input, code) => {
    expect(parseBusinessLicenseRequest(input)).toEqual({ ok: false, code });
  });

  test("a valid body", () => {
    expect(parseBusinessLicenseRequest(body({ Action: "BusinessCardOCR", ImageData: "abc" }))).toEqual({
      ok: true,
      request: { imageData: "abc" },
    });
  });
});

test("message carries the 错误信息 text (seed example)", () => {
  expect(new CapabilityError(BUSINESS_LICENSE_ERRORS, 400009).toJSON()).toEqual({
    statusCode: 400009,
    message: "Action值设置错误",
    details: "Action值设置错误",
    error: "AI_OP_400009",
  });
});
