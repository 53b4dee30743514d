import { expect, test } from "vitest";

import { normalizeCalls, toFlatPoints } from "@/lib/playground/normalize";

test("box shapes flatten to 8 numbers", () => {
  expect(toFlatPoints([1, 2, 3, 4, 5, 6, 7, 8])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(
    toFlatPoints([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ]),
  ).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(toFlatPoints([1, 2])).toBeNull();
});

test("general OCR: one result per image, per-image failures kept", () => {
  const response = {
    statusCode: 0,
    message: { success: 1, fail: 1 },
    returnObj: [
      { text_line: 1, detail: [{ name: "0", text: "你好", box: [0, 0, 10, 0, 10, 5, 0, 5] }] },
      { err_code: 400012, err_msg: "文件格式不合法" },
    ],
  };
  const [a, b] = normalizeCalls("general", [{ httpStatus: 200, response }], 2);
  expect(a).toMatchObject({ ok: true, text: "你好" });
  expect(a!.overlays).toHaveLength(1);
  expect(b).toMatchObject({ ok: false, error: { code: 400012 } });
});

test("plate: colour by plate type and field rows", () => {
  const response = {
    statusCode: 0,
    message: { success: 1, fail: 0 },
    returnObj: [
      {
        "number of plate licenses": 1,
        detail: [
          {
            box: [
              [1, 2],
              [3, 2],
              [3, 4],
              [1, 4],
            ],
            plate_type: "绿牌",
            platelicense: "京AD12345",
            confidence: 0.98,
          },
        ],
      },
    ],
  };
  const [r] = normalizeCalls("plate", [{ httpStatus: 200, response }], 1);
  expect(r!.overlays[0]).toMatchObject({ text: "京AD12345", caption: "绿牌 · 98%", color: "#16a34a" });
  expect(r!.fields[0]).toMatchObject({ value: "京AD12345" });
});

test("gateway error applies to every image; licence is one call per image", () => {
  const err = { statusCode: 51003, message: "API 可用次数已不足", error: "EOP_51003" };
  expect(normalizeCalls("idcard", [{ httpStatus: 403, response: err }], 2).every((r) => !r.ok)).toBe(true);
  const lic = {
    statusCode: 0,
    message: "success",
    returnObj: { license_type: "Business License", detail: { name: "某某公司", union_id: "91" } },
  };
  const [ok, bad] = normalizeCalls(
    "license",
    [
      { httpStatus: 200, response: lic },
      { httpStatus: 403, response: err },
    ],
    2,
  );
  expect(ok!.fields.find((f) => f.key === "name")?.value).toBe("某某公司");
  expect(ok!.fields.some((f) => f.key === "real_captial")).toBe(false);
  expect(bad).toMatchObject({ ok: false, error: { code: "EOP_51003" } });
});

test("a plate picture without plates says so (and that it was charged) instead of a plain success", () => {
  const response = { statusCode: 0, message: { success: 1, fail: 0 }, returnObj: [{ "number of plate licenses": 0, detail: [] }] };
  const [r] = normalizeCalls("plate", [{ httpStatus: 200, response }], 1);
  expect(r).toMatchObject({ ok: true, empty: "未检测到车牌" });
  expect(r!.note).toContain("计费");
});
