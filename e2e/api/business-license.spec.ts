import { b64, solidPng } from "../fixtures/images";
import { expect, PATHS, test } from "../fixtures/api-client";

// Business licence endpoint (canonical path and the seed's alias): structure and its error table,
// where `message` carries the 错误信息 text.

for (const path of [PATHS.license, PATHS.licenseAlias]) {
  test(`a picture that is not a licence (${path})`, async ({ api }) => {
    const result = await api(path, { Action: "BusinessCardOCR", ImageData: b64(await solidPng(200, 120)) });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ statusCode: 0, message: "success", returnObj: { license_type: "Not Business License" } });
    const detail = (result.json.returnObj as { detail: Record<string, string> }).detail;
    for (const key of [
      "union_id",
      "regist_no",
      "name",
      "type",
      "addr",
      "legal_rep",
      "regist_captial",
      "establish_date",
      "operation_period",
    ]) {
      expect(detail[key]).toBe("");
    }
  });
}

test.describe("errors", () => {
  const body = (o: unknown) => JSON.stringify(o);
  const ok = { Action: "BusinessCardOCR" };
  const cases: [string, () => Promise<string>, number, string][] = [
    ["empty body", async () => "", 400003, "body内容为空"],
    ["not JSON", async () => "Action=BusinessCardOCR", 400004, "body请求体非json格式"],
    ["not a dict", async () => "[]", 400005, "请求体类型错误"],
    ["missing ImageData", async () => body(ok), 400006, "必传的参数未传"],
    ["extra key", async () => body({ ...ok, ImageData: "x", data: [] }), 400007, "传递非法参数"],
    ["ImageData not a string", async () => body({ ...ok, ImageData: 1 }), 400008, "请求体的字段类型错误"],
    ["wrong Action", async () => body({ Action: "IDCardOCR", ImageData: "x" }), 400009, "Action值设置错误"],
    ["empty ImageData", async () => body({ ...ok, ImageData: "" }), 400010, "'ImageData'字段值为空字符"],
    ["bad base64", async () => body({ ...ok, ImageData: "%%%" }), 400011, "'ImageData'字段base64数据处理异常"],
    ["not an image", async () => body({ ...ok, ImageData: b64(Buffer.from("text")) }), 400012, "请求文件格式不合法"],
    [
      "over 7 MiB",
      async () => body({ ...ok, ImageData: b64(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(7 * 1024 * 1024)])) }),
      400013,
      "图片文件大小不符合要求",
    ],
    ["undecodable", async () => body({ ...ok, ImageData: b64((await solidPng(100, 100)).subarray(0, 40)) }), 400014, "图片解码错误"],
    ["too small", async () => body({ ...ok, ImageData: b64(await solidPng(31, 64)) }), 400015, "图片尺寸不符合要求"],
  ];
  for (const [name, make, code, message] of cases) {
    test(`${name} → ${code}`, async ({ api }) => {
      const result = await api(PATHS.license, await make());
      expect(result.status).toBe(400);
      expect(result.json).toMatchObject({ statusCode: code, message, details: expect.any(String), error: `AI_OP_${code}` });
    });
  }
});
