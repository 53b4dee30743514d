import { expect, test } from "vitest";

import { emptyResultMessage, normalizeCalls, resultElement } from "@/lib/playground/normalize";

// ux.md bug 18: a non-card or a zero-plate picture was shown as a green success, its charge unsaid.

const one = (capabilityId: "general" | "idcard" | "plate", element: unknown) =>
  normalizeCalls(capabilityId, [{ httpStatus: 200, response: { statusCode: 0, returnObj: [element] } }], 1)[0]!;

test("a picture with nothing found says so and that it was charged", () => {
  expect(emptyResultMessage("idcard", one("idcard", { note: "", detail: {} }), true)).toBe(
    "未检测到身份证。调用成功，已按 1 次计费（计入资源包用量）",
  );
  expect(emptyResultMessage("plate", one("plate", { "number of plate licenses": 0, detail: [] }), true)).toContain("未检测到车牌");
  expect(emptyResultMessage("general", one("general", { text_line: 0, detail: [] }), true)).toContain("未识别到文字");
  const licence = normalizeCalls(
    "license",
    [{ httpStatus: 200, response: { statusCode: 0, returnObj: { license_type: "Not Business License" } } }],
    1,
  )[0]!;
  expect(emptyResultMessage("license", licence, false)).toBe("未识别为营业执照。调用成功，限时免费，不计费");
});

test("a picture with a result, or a failed one, has no such message", () => {
  expect(
    emptyResultMessage("general", one("general", { text_line: 1, detail: [{ text: "你好", box: [0, 0, 1, 0, 1, 1, 0, 1] }] }), true),
  ).toBeNull();
  expect(emptyResultMessage("general", one("general", { err_code: 400012, err_msg: "x" }), true)).toBeNull();
});

test("each picture's own element of the answer", () => {
  expect(resultElement("general", { statusCode: 0, returnObj: [{ a: 1 }] })).toEqual({ a: 1 });
  expect(resultElement("license", { statusCode: 0, returnObj: { b: 2 } })).toEqual({ b: 2 });
  expect(resultElement("general", { statusCode: 10020 })).toBeNull();
});
