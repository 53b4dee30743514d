import { b64, solidPng } from "../fixtures/images";
import { expect, PATHS, test } from "../fixtures/api-client";

// ID card endpoint: the contract's structure and its 4-digit error table.

const DETAIL_KEYS = ["addr", "birthday", "idn", "name", "nation", "org", "sex", "validperiod"];

test("a picture without an ID card: empty fields, seed defaults", async ({ api }) => {
  const result = await api(PATHS.idcard, { data: [b64(await solidPng(200, 120))] });
  expect(result.status).toBe(200);
  expect(result.json).toMatchObject({ statusCode: 0, message: { success: 1, fail: 0 } });
  const [card] = result.json.returnObj as Record<string, unknown>[];
  expect(Object.keys(card!.detail as object).sort()).toEqual(DETAIL_KEYS);
  expect(card).toMatchObject({ note: "", idcard_face: "no face", demo_image: "demo_image", risk: "normal" });
});

test.describe("whole-request errors", () => {
  const cases: [string, string, number, string][] = [
    ["empty body", "", 4001, "请求JSON处理异常"],
    ["not JSON", "{", 4001, "请求JSON处理异常"],
    ["not a dict", "[]", 4002, "body传入的不是字典"],
    ["no data", "{}", 4003, "请求中未包data字段"],
    ["data not a list", '{"data":"x"}', 4004, "data字段图片数据不是list格式"],
    ["empty list", '{"data":[]}', 4005, "图片list内图片数量为0"],
    ["51 images", JSON.stringify({ data: Array(51).fill("x") }), 4006, "图片list内图片数量超过50张"],
  ];
  for (const [name, body, code, details] of cases) {
    test(`${name} → ${code}`, async ({ api }) => {
      const result = await api(PATHS.idcard, body);
      expect(result.status).toBe(400);
      expect(result.json).toEqual({ statusCode: code, message: "error", details, error: `AI_OP_${code}` });
    });
  }
});

test("per-image errors: 4008 base64, 4009 format and undecodable, 4010 size, 4011 dimensions", async ({ api }) => {
  const png = await solidPng(100, 100);
  const result = await api(PATHS.idcard, {
    data: [
      "%%%",
      b64(Buffer.from("plain text")),
      b64(png.subarray(0, 40)),
      b64(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(10 * 1024 * 1024)])),
      b64(await solidPng(20, 20)),
    ],
  });
  expect(result.status).toBe(200);
  expect(result.json.message).toEqual({ success: 0, fail: 5 });
  expect(result.json.returnObj).toEqual([
    { err_code: 4008, err_msg: "base64数据处理异常" },
    { err_code: 4009, err_msg: "请求文件格式不合法，仅支持 jpeg/png/jpg/bmp 格式" },
    { err_code: 4009, err_msg: "请求文件格式不合法，仅支持 jpeg/png/jpg/bmp 格式" },
    { err_code: 4010, err_msg: "单张图片大小超过10M" },
    { err_code: 4011, err_msg: "图片尺寸不符合要求，分辨率长宽尺寸应小于5000大于32" },
  ]);
});
