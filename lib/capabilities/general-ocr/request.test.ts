import { describe, expect, test } from "vitest";

import { CapabilityError } from "@/lib/capabilities/capability-error";

import { GENERAL_OCR_ERRORS } from "./errors";
import { parseGeneralOcrRequest } from "./request";

const bytes = (s: string) => new TextEncoder().encode(s);
const fifty = JSON.stringify({ data: Array(50).fill("x") });
const fiftyOne = JSON.stringify({ data: Array(51).fill("x") });

describe("general OCR whole-request checks, in order", () => {
  test.each([
    ["empty body", "", 400003],
    ["not JSON", "{data:", 400004],
    ["invalid UTF-8", "\xff", 400004],
    ["whitespace only", "  ", 400004],
    ["JSON array", "[]", 400005],
    ["JSON string", '"abc"', 400005],
    ["JSON null", "null", 400005],
    ["no data", '{"image":[]}', 400006],
    ["data is a string", '{"data":"abc"}', 400008],
    ["data is null", '{"data":null}', 400008],
    ["data is an object", '{"data":{}}', 400008],
    ["empty list", '{"data":[]}', 400009],
    ["51 images", fiftyOne, 400018],
    // Order: "not a list" wins over everything after it.
    ["too many is checked after the type", '{"data":"' + "x".repeat(100) + '"}', 400008],
  ])("%s → %i", (_name, body, code) => {
    const input = body === "\xff" ? new Uint8Array([0xff]) : bytes(body);
    expect(parseGeneralOcrRequest(input)).toEqual({ ok: false, code });
  });

  test("1 to 50 items pass, items are checked per image later", () => {
    expect(parseGeneralOcrRequest(bytes(fifty))).toMatchObject({ ok: true, request: { images: expect.any(Array) } });
    expect(parseGeneralOcrRequest(bytes('{"data":[1, null, "x"]}'))).toEqual({ ok: true, request: { images: [1, null, "x"] } });
  });
});

test.each([400001, 400003, 400018, 500001])("error %i serializes in the seed's shape", (code) => {
  const body = new CapabilityError(GENERAL_OCR_ERRORS, code).toJSON();
  expect(body).toEqual({
    statusCode: code,
    message: "error",
    details: GENERAL_OCR_ERRORS.codes[code as keyof typeof GENERAL_OCR_ERRORS.codes].details,
    error: `AI_OP_${code}`,
  });
});

test("HTTP status follows the code family", () => {
  expect(new CapabilityError(GENERAL_OCR_ERRORS, 400004).httpStatus).toBe(400);
  expect(new CapabilityError(GENERAL_OCR_ERRORS, 500001).httpStatus).toBe(500);
  expect(new CapabilityError(GENERAL_OCR_ERRORS, 400003).toJSON().details).toBe("请求体请求数据为空，没有包含内容");
});
