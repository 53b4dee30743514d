import { b64, renderTextPng, solidPng } from "../fixtures/images";
import { expect, PATHS, test } from "../fixtures/api-client";

// General OCR end to end: real recognition on images rendered at test time, batches, and bad inputs.

interface Line {
  name: string;
  text: string;
  box: number[];
  confidence: number;
}
interface OcrResult {
  text_line: number;
  detail: Line[];
}

const LINES = ["社会主义核心价值观", "富强民主文明和谐"];

test("recognises rendered Chinese text with boxes in reading order", async ({ api }) => {
  const png = renderTextPng(LINES, 720);
  const result = await api(PATHS.general, { data: [b64(png)] });
  expect(result.status).toBe(200);
  expect(result.json).toMatchObject({ statusCode: 0, message: { success: 1, fail: 0 } });
  const [page] = result.json.returnObj as OcrResult[];
  expect(page!.text_line).toBe(page!.detail.length);
  expect(page!.detail.map((l) => l.text)).toEqual(LINES);
  page!.detail.forEach((line, i) => {
    expect(line.name).toBe(String(i));
    expect(line.box).toHaveLength(8);
    const [x1, y1, x2, , , y3] = line.box as [number, number, number, number, number, number, number, number];
    expect(x1).toBeGreaterThanOrEqual(0);
    expect(x2).toBeGreaterThan(x1);
    expect(y3).toBeGreaterThan(y1);
    expect(x2).toBeLessThanOrEqual(720);
  });
  // Reading order: the first line sits above the second.
  expect(page!.detail[0]!.box[1]!).toBeLessThan(page!.detail[1]!.box[1]!);
});

test("URL-safe base64 without padding is accepted", async ({ api }) => {
  const urlSafe = renderTextPng(["测试"]).toString("base64url");
  const result = await api(PATHS.general, { data: [urlSafe] });
  expect(result.json).toMatchObject({ statusCode: 0, message: { success: 1, fail: 0 } });
  expect((result.json.returnObj as OcrResult[])[0]!.detail.map((l) => l.text)).toEqual(["测试"]);
});

test("a 50-image batch answers 50 results in input order", async ({ api }) => {
  const images = Array.from({ length: 50 }, (_, i) => b64(renderTextPng([`编号${i}`], 320)));
  const result = await api(PATHS.general, { data: images });
  expect(result.status).toBe(200);
  expect(result.json.message).toEqual({ success: 50, fail: 0 });
  const pages = result.json.returnObj as OcrResult[];
  expect(pages).toHaveLength(50);
  const recognised = pages.map((p) => p.detail.map((l) => l.text).join(""));
  expect(recognised.filter((text, i) => text === `编号${i}`).length).toBeGreaterThanOrEqual(45);
});

test("bad images fail alone inside a 200 batch; the server stays up", async ({ api, request }) => {
  const good = b64(renderTextPng(["你好世界"], 320));
  const full = renderTextPng(["截断"], 320);
  const cases: [string, unknown, number][] = [
    ["truncated PNG", b64(full.subarray(0, Math.floor(full.length / 3))), 410001],
    ["zero bytes", "", 400011],
    ["not an image", b64(Buffer.from("%PDF-1.4 not an image")), 400012],
    ["not a string", 12345, 400011],
    ["data: URL", `data:image/png;base64,${good}`, 400011],
    ["1×1", b64(await solidPng(1, 1)), 410002],
    ["6000×6000", b64(await solidPng(6000, 6000)), 410002],
    ["over 10 MiB", b64(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(10 * 1024 * 1024)])), 400013],
  ];
  const result = await api(PATHS.general, { data: [good, ...cases.map((c) => c[1]), good] });
  expect(result.status).toBe(200);
  expect(result.json).toMatchObject({ statusCode: 0, message: { success: 2, fail: cases.length } });
  const items = result.json.returnObj as (OcrResult | { err_code: number; err_msg: string })[];
  expect((items[0] as OcrResult).detail.map((l) => l.text)).toEqual(["你好世界"]);
  cases.forEach(([name, , code], i) => expect(items[i + 1], name).toMatchObject({ err_code: code, err_msg: expect.any(String) }));
  expect((items.at(-1) as OcrResult).detail.map((l) => l.text)).toEqual(["你好世界"]);
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("a batch of only bad images still answers statusCode 0", async ({ api }) => {
  const result = await api(PATHS.general, { data: ["!!!", ""] });
  expect(result.json).toEqual({
    statusCode: 0,
    message: { success: 0, fail: 2 },
    returnObj: [
      { err_code: 400011, err_msg: "base64 数据处理异常" },
      { err_code: 400011, err_msg: "base64 数据处理异常" },
    ],
  });
});

test.describe("whole-request errors", () => {
  const cases: [string, string, number][] = [
    ["empty body", "", 400003],
    ["not JSON", "{data", 400004],
    ["not an object", "[1]", 400005],
    ["no data", '{"images":[]}', 400006],
    ["data not a list", '{"data":"abc"}', 400008],
    ["empty list", '{"data":[]}', 400009],
    ["51 images", JSON.stringify({ data: Array(51).fill("x") }), 400018],
  ];
  for (const [name, body, code] of cases) {
    test(`${name} → ${code}`, async ({ api }) => {
      const result = await api(PATHS.general, body);
      expect(result.status).toBe(400);
      expect(result.json).toMatchObject({ statusCode: code, message: "error", details: expect.any(String), error: `AI_OP_${code}` });
    });
  }
});
