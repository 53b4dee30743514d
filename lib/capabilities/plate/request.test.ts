import { describe, expect, test } from "vitest";

import { perImageError } from "@/lib/capabilities/capability-error";

import { PLATE_ERRORS } from "./errors";
import { parsePlateRequest } from "./request";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("plate whole-request checks, in order", () => {
  test.each([
    ["empty body", "", 4001],
    ["not JSON", "data=1", 4001],
    ["JSON array", "[]", 4002],
    ["no data", "{}", 4003],
    ["data not a list", '{"data":1}', 4004],
    ["empty list", '{"data":[]}', 4005],
    ["51 images", JSON.stringify({ data: Array(51).fill("x") }), 4006],
  ])("%s → %i", (_name, body, code) => {
    expect(parsePlateRequest(bytes(body))).toEqual({ ok: false, code });
  });

  test("a valid body", () => {
    expect(parsePlateRequest(bytes('{"data":["a","b"]}'))).toEqual({ ok: true, request: { images: ["a", "b"], allTypes: false } });
  });

  test.each([
    ["true", true],
    ['"true"', false],
    ["1", false],
    ["false", false],
  ])("all_types %s → every kind of plate: %s", (value, allTypes) => {
    expect(parsePlateRequest(bytes(`{"data":["a"],"all_types":${value}}`))).toEqual({ ok: true, request: { images: ["a"], allTypes } });
  });
});

test("per-image errors use err_code/err_msg (the seed's example)", () => {
  expect(perImageError(PLATE_ERRORS, 4008)).toEqual({ err_code: 4008, err_msg: "base64数据处理异常" });
});
