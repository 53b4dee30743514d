import { describe, expect, test } from "vitest";

import { CapabilityError } from "@/lib/capabilities/capability-error";

import { IDCARD_ERRORS } from "./errors";
import { parseIdCardRequest } from "./request";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("ID card whole-request checks, in order", () => {
  test.each([
    ["empty body", "", 4001],
    ["not JSON", "{", 4001],
    ["JSON array", '["x"]', 4002],
    ["number", "1", 4002],
    ["no data", '{"return_face":true}', 4003],
    ["data not a list", '{"data":"x"}', 4004],
    ["empty list", '{"data":[]}', 4005],
    ["51 images", JSON.stringify({ data: Array(51).fill("x") }), 4006],
  ])("%s → %i", (_name, body, code) => {
    expect(parseIdCardRequest(bytes(body))).toEqual({ ok: false, code });
  });

  test.each([
    ['{"data":["x"]}', false, false],
    ['{"data":["x"],"return_face":true}', true, false],
    ['{"data":["x"],"return_face":"true"}', false, false],
    ['{"data":["x"],"return_face":false}', false, false],
    ['{"data":["x"],"return_warnings":true}', false, true],
    ['{"data":["x"],"return_face":true,"return_warnings":1}', true, false],
  ])("%s → returnFace %s, returnWarnings %s", (body, returnFace, returnWarnings) => {
    expect(parseIdCardRequest(bytes(body))).toEqual({ ok: true, request: { images: ["x"], returnFace, returnWarnings } });
  });
});

test("the seed's example error", () => {
  expect(new CapabilityError(IDCARD_ERRORS, 4004).toJSON()).toEqual({
    statusCode: 4004,
    message: "error",
    details: "data字段图片数据不是list格式",
    error: "AI_OP_4004",
  });
});
