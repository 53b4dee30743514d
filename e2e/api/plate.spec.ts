import { b64, solidPng } from "../fixtures/images";
import { expect, PATHS, test } from "../fixtures/api-client";

// Licence plate endpoint: the contract's structure and its 4-digit error table.

test("a picture without plates is a success with zero plates", async ({ api }) => {
  const result = await api(PATHS.plate, { data: [b64(await solidPng(200, 120))] });
  expect(result.status).toBe(200);
  expect(result.json).toEqual({
    statusCode: 0,
    message: { success: 1, fail: 0 },
    returnObj: [{ "number of plate licenses": 0, detail: [] }],
  });
});

test.describe("whole-request errors", () => {
  const cases: [string, string, number, string][] = [
    ["empty body", "", 4001, "请求JSON处理异常"],
    ["not JSON", "data=1", 4001, "请求JSON处理异常"],
    ["not a dict", '"x"', 4002, "body传入不是字典"],
    ["no data", '{"image":["x"]}', 4003, "请求中未包data字段"],
    ["data not a list", '{"data":{}}', 4004, "data字段图片数据不是list格式"],
    ["empty list", '{"data":[]}', 4005, "图片list内图片数量为0"],
    ["51 images", JSON.stringify({ data: Array(51).fill("x") }), 4006, "图片list内图片数量超过50张"],
  ];
  for (const [name, body, code, details] of cases) {
    test(`${name} → ${code}`, async ({ api }) => {
      const result = await api(PATHS.plate, body);
      expect(result.status).toBe(400);
      expect(result.json).toEqual({ statusCode: code, message: "error", details, error: `AI_OP_${code}` });
    });
  }
});

test("per-image errors use err_code/err_msg", async ({ api }) => {
  const result = await api(PATHS.plate, { data: ["@@", b64(Buffer.from("GIF89a")), b64(await solidPng(6000, 40))] });
  expect(result.status).toBe(200);
  expect(result.json.message).toEqual({ success: 0, fail: 3 });
  expect((result.json.returnObj as { err_code: number }[]).map((r) => r.err_code)).toEqual([4008, 4009, 4011]);
});
