import sharp from "sharp";
import { describe, expect, test, vi } from "vitest";

// The real decoder (as on the worker), a fake recogniser.
vi.mock("./recognize", async () => {
  const { decodeImage } = await import("@/lib/images/decode-image");
  return {
    recognizeBusinessLicense: vi.fn(async (file: Uint8Array, decode: { maxBytes: number }) => {
      const decoded = await decodeImage(file, decode);
      return decoded.ok ? { ok: true, value: { license_type: "Not Business License", detail: {} } } : decoded;
    }),
  };
});

import { handleBusinessLicense } from "./handler";
import { recognizeBusinessLicense } from "./recognize";

const b64 = (buf: Buffer) => buf.toString("base64");
const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: "#fff" } })
    .png()
    .toBuffer();
const CTX = { requestId: "t", query: new URLSearchParams() };

describe("business licence image checks are whole-request errors", () => {
  test.each([
    ["bad base64", async () => "@@@", 400011, "'ImageData'字段base64数据处理异常"],
    ["not an image", async () => b64(Buffer.from("GIF89a not supported")), 400012, "请求文件格式不合法"],
    [
      "over 7 MiB",
      async () => b64(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(7 * 1024 * 1024)])),
      400013,
      "图片文件大小不符合要求",
    ],
    ["truncated", async () => b64((await png(100, 100)).subarray(0, 30)), 400014, "图片解码错误"],
    ["too small", async () => b64(await png(31, 100)), 400015, "图片尺寸不符合要求"],
  ])("%s → %i", async (_name, make, code, message) => {
    const outcome = await handleBusinessLicense({ imageData: await make() }, CTX);
    expect(outcome.httpStatus).toBe(400);
    expect(outcome.body).toMatchObject({ statusCode: code, message, error: `AI_OP_${code}` });
    expect(outcome.failCount).toBe(1);
  });

  test("a decodable image is recognised: statusCode 0, message success, a single object", async () => {
    const outcome = await handleBusinessLicense({ imageData: b64(await png(64, 64)) }, CTX);
    expect(outcome).toMatchObject({
      httpStatus: 200,
      successCount: 1,
      body: { statusCode: 0, message: "success", returnObj: { license_type: "Not Business License" } },
    });
  });
});

test("the opt-ins are query flags: ?return_warnings=true and ?return_field_boxes=true reach the reader", async () => {
  const query = new URLSearchParams("return_warnings=true&return_field_boxes=true");
  await handleBusinessLicense({ imageData: b64(await png(64, 64)) }, { requestId: "t", query });
  expect(vi.mocked(recognizeBusinessLicense).mock.lastCall?.[2]).toEqual({ withFieldBoxes: true, withWarnings: true });
  await handleBusinessLicense({ imageData: b64(await png(64, 64)) }, CTX);
  expect(vi.mocked(recognizeBusinessLicense).mock.lastCall?.[2]).toEqual({ withFieldBoxes: false, withWarnings: false });
});
