import sharp from "sharp";
import { beforeAll, describe, expect, test, vi } from "vitest";

import { GENERAL_OCR_ERRORS } from "@/lib/capabilities/general-ocr/errors";
import { GENERAL_OCR_IMAGE_CODES } from "@/lib/capabilities/general-ocr/request";
import { IDCARD_ERRORS } from "@/lib/capabilities/idcard/errors";
import { FOUR_DIGIT_IMAGE_CODES } from "@/lib/capabilities/batch-body";
import { decodeImage, type DecodeOptions } from "@/lib/images/decode";
import type { FileRead } from "@/lib/ocr/types";

import { runBatch } from "./batch";

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#fff" } })
    .png()
    .toBuffer();

let good = "";
let tiny = "";
let truncated = "";
beforeAll(async () => {
  const ok = await png(64, 48);
  good = ok.toString("base64");
  tiny = (await png(1, 1)).toString("base64");
  truncated = ok.subarray(0, 40).toString("base64");
});

/** The engine's reading of a file, with the real decoder (as on the worker) and a fake recogniser. */
const decodeThen =
  <T>(recognize: () => Promise<T>) =>
  async (file: Uint8Array, decode: DecodeOptions): Promise<FileRead<T>> => {
    const decoded = await decodeImage(file, decode);
    return decoded.ok ? { ok: true, value: await recognize() } : decoded;
  };

// 10 MiB + 1 byte behind a JPEG signature: refused on size before any decoding.
const oversized = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(10 * 1024 * 1024 - 2)]).toString("base64");

describe("runBatch per-image codes", () => {
  const inputs = (): [string, unknown, number, number][] => [
    ["non-string item", 42, 400011, 4008],
    ["bad base64", "!!!not base64", 400011, 4008],
    ["data: prefix", `data:image/png;base64,${good}`, 400011, 4008],
    ["not an image", Buffer.from("hello world, plain text").toString("base64"), 400012, 4009],
    ["over 10 MiB", oversized(), 400013, 4010],
    ["truncated PNG", truncated, 410001, 4009],
    ["1×1 image", tiny, 410002, 4011],
  ];

  test("general OCR: each bad image fails alone, in input order, statusCode stays 0", async () => {
    const cases = inputs();
    const recognize = vi.fn(async () => ({ text_line: 0, detail: [] }));
    const outcome = await runBatch({
      images: [good, ...cases.map((c) => c[1]), good.replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_")],
      family: GENERAL_OCR_ERRORS,
      codes: GENERAL_OCR_IMAGE_CODES,
      read: decodeThen(recognize),
      requestId: "t",
    });
    expect(outcome.httpStatus).toBe(200);
    expect(outcome.successCount).toBe(2);
    expect(outcome.failCount).toBe(cases.length);
    const body = outcome.body as { statusCode: number; message: unknown; returnObj: unknown[] };
    expect(body.statusCode).toBe(0);
    expect(body.message).toEqual({ success: 2, fail: cases.length });
    expect(body.returnObj[0]).toEqual({ text_line: 0, detail: [] });
    cases.forEach(([, , code], i) => expect(body.returnObj[i + 1]).toMatchObject({ err_code: code, err_msg: expect.any(String) }));
    expect(body.returnObj.at(-1)).toEqual({ text_line: 0, detail: [] }); // URL-safe, unpadded
    expect(recognize).toHaveBeenCalledTimes(2);
  });

  test("ID card codes; undecodable bytes are 4009", async () => {
    const cases = inputs();
    const outcome = await runBatch({
      images: cases.map((c) => c[1]),
      family: IDCARD_ERRORS,
      codes: FOUR_DIGIT_IMAGE_CODES,
      read: decodeThen(vi.fn()),
      requestId: "t",
    });
    const body = outcome.body as { message: unknown; returnObj: { err_code: number }[] };
    expect(body.returnObj.map((r) => r.err_code)).toEqual(cases.map((c) => c[3]));
    expect(body.returnObj[1]).toEqual({ err_code: 4008, err_msg: "base64数据处理异常" });
    expect(body.message).toEqual({ success: 0, fail: cases.length });
  });

  test("a recognition failure fails only that image with the family's internal code", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    let calls = 0;
    const outcome = await runBatch({
      images: [good, good, good],
      family: IDCARD_ERRORS,
      codes: FOUR_DIGIT_IMAGE_CODES,
      read: decodeThen(async () => {
        if (++calls === 2) throw new Error("boom");
        return { ok: 1 };
      }),
      requestId: "t",
    });
    const body = outcome.body as { returnObj: unknown[] };
    expect(body.returnObj.filter((r) => (r as { err_code?: number }).err_code === 5000)).toHaveLength(1);
    expect(outcome.successCount).toBe(2);
  });
});
