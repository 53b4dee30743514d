import sharp from "sharp";
import { beforeAll, describe, expect, test, vi } from "vitest";

import { type EopCredentials, formatEopDate, signEopRequest } from "@/e2e/fixtures/eop-sign";

import { useTempDatabase } from "@/tests/support/temp-db";

// The whole pipeline against a real (temporary) SQLite database, with a fake OCR engine: every
// step of the contract's order of checks, the error shapes and the metering side effects.

// `hold`, when set, keeps recognition in flight until it resolves (admission tests).
const ocr = vi.hoisted(() => ({ hold: null as Promise<void> | null, entered: () => {} }));

vi.mock("@/lib/ocr/engine", async () => {
  const { decodeImage } = await import("@/lib/images/decode-image");
  const { fixedLicenseRead, fixedRead } = await import("@/tests/support/fake-read");
  return {
    getOcrEngine: async () => ({
      // The worker's decoding is real; recognition is fixed.
      recognizeFile: async (file: Uint8Array, decode: { maxBytes: number }) => {
        const decoded = await decodeImage(file, decode);
        if (!decoded.ok) return decoded;
        if (ocr.hold) {
          ocr.entered();
          await ocr.hold;
        }
        return fixedRead();
      },
      // The document task (general OCR opt-ins): the same line, read from a page turned a quarter.
      readFile: async (file: Uint8Array, decode: { maxBytes: number }, task: { name: string }) => {
        const decoded = await decodeImage(file, decode);
        if (decoded.ok && task.name === "license") return fixedLicenseRead();
        if (!decoded.ok || task.name !== "document") return decoded;
        const lines = fixedRead().value;
        const box = [1, 2, 30, 2, 30, 12, 1, 12];
        return {
          ok: true,
          value: {
            lines,
            turn: 90,
            paragraphs: [{ lines: [0], box }],
            tables: [{ box, rows: 1, cols: 1, cells: [{ row: 0, col: 0, rowspan: 1, colspan: 1, text: "你好", box }] }],
          },
        };
      },
    }),
    isOcrEngineReady: () => true,
  };
});

type Handle = typeof import("@/lib/gateway/handle-request")["handleGatewayRequest"];
type Db = typeof import("@/lib/db")["db"];

const BASE = "http://127.0.0.1:3000";
const GENERAL = "/v1/aiop/api/2f3p1pnxpqm8/ocrdetect/ocr/v1/image.json";
const IDCARD = "/v1/aiop/api/2f3os7qq79xc/IdentityCard/ocr/v1/idcard.json";
const LICENSE = "/v1/aiop/api/2z0yhhrzgv0g/tts/predict";
const MAX_BODY = 256 * 1024;
const MAX_IMAGES_IN_FLIGHT = 30;

let handle: Handle;
let db: Db;
let creds: EopCredentials;
let userId: string;
let image = "";
const apps: Record<string, string> = {};

beforeAll(async () => {
  await useTempDatabase();
  process.env.MAX_BODY_BYTES = String(MAX_BODY);
  process.env.OCR_MAX_IMAGES_IN_FLIGHT = String(MAX_IMAGES_IN_FLIGHT);
  ({ handleGatewayRequest: handle } = await import("@/lib/gateway/handle-request"));
  ({ db } = await import("@/lib/db"));
  const { syncCapabilityCatalog } = await import("@/lib/data/capabilities");
  const { createUser } = await import("@/lib/data/users");
  const { createAccessKey } = await import("@/lib/data/access-keys");
  const { createApp } = await import("@/lib/data/apps");
  const { grantPack } = await import("@/lib/data/packs");
  await syncCapabilityCatalog();
  const user = await createUser({ email: "gw@example.com", password: "secret-password" });
  userId = user.id;
  const key = await createAccessKey({ userId });
  const all = ["general", "idcard", "plate", "license"] as const;
  const main = await createApp({ userId, name: "main", capabilities: [...all], qpsLimit: 1000 });
  creds = { accessKey: key.accessKey, secretKey: key.secretKey, appKey: main.appKey };
  apps.limited = (
    await createApp({ userId, name: "ip", capabilities: [...all], ipAllowList: "10.0.0.0/8, 2001:db8::/32", qpsLimit: 1000 })
  ).appKey;
  apps.closed = (await createApp({ userId, name: "closed", capabilities: ["idcard"], qpsLimit: 1000 })).appKey;
  apps.slow = (await createApp({ userId, name: "slow", capabilities: [...all], qpsLimit: 2 })).appKey;
  const other = await createUser({ email: "other@example.com", password: "secret-password" });
  apps.foreign = (await createApp({ userId: other.id, name: "foreign", capabilities: [...all] })).appKey;
  await grantPack({ userId, capabilityId: "general", calls: 20 });
  await grantPack({
    userId,
    capabilityId: "plate",
    calls: 5,
    validFrom: new Date(Date.now() - 3e10),
    expiresAt: new Date(Date.now() - 1e10),
  });
  image = (
    await sharp({ create: { width: 64, height: 40, channels: 3, background: "#fff" } })
      .png()
      .toBuffer()
  ).toString("base64");
});

interface Call {
  path?: string;
  method?: string;
  body?: string;
  appKey?: string | null;
  headers?: Record<string, string>;
  sign?: Partial<Parameters<typeof signEopRequest>[1]>;
  credentials?: Partial<EopCredentials>;
  /** Replace or drop (null) a header after signing. */
  after?: Record<string, string | null>;
  /** Send these again after signing: a second header of the same name (Headers joins them with ", "). */
  duplicate?: string[];
}

async function send(call: Call = {}) {
  const path = call.path ?? GENERAL;
  const body = call.body ?? JSON.stringify({ data: [image] });
  const headers = signEopRequest(
    { ...creds, ...(call.appKey ? { appKey: call.appKey } : {}), ...call.credentials },
    { url: path, body, headers: call.headers, ...call.sign },
  );
  if (call.appKey === null) delete headers.appkey;
  for (const [name, value] of Object.entries(call.after ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  const sent = new Headers(headers);
  for (const name of call.duplicate ?? []) sent.append(name, sent.get(name) ?? "");
  const method = call.method ?? "POST";
  const response = await handle(
    new Request(BASE + path, { method, headers: sent, body: method === "GET" || method === "HEAD" ? undefined : body }),
  );
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}

const eop = (code: number) => ({ statusCode: code, error: `EOP_${code}` });
const signedDefault = ["appkey", "ctyun-eop-request-id", "eop-date"];
const aiop = (code: number) => ({ statusCode: code, error: `AI_OP_${code}` });

describe("order of checks", () => {
  test.each<[string, () => Call, number, Record<string, unknown>]>([
    ["unknown API id", () => ({ path: "/v1/aiop/api/zzzz/x" }), 404, { ...eop(50001), message: "服务未注册" }],
    ["unknown path beats wrong method", () => ({ path: `${GENERAL}x`, method: "GET" }), 400, { ...aiop(400001), message: "error" }],
    ["wrong method (general)", () => ({ method: "GET" }), 405, aiop(400002)],
    ["wrong method (ID card)", () => ({ path: IDCARD, method: "PUT" }), 405, aiop(4012)],
    ["wrong method (licence)", () => ({ path: LICENSE, method: "GET" }), 405, eop(40008)],
    ["unknown licence path", () => ({ path: "/v1/aiop/api/2z0yhhrzgv0g/tts" }), 404, eop(50003)],
    ["API root", () => ({ path: "/v1/aiop/api" }), 404, eop(50001)],
    ["path variant marked by the entry point (general)", () => ({ headers: { "x-ocr-path-variant": "1" } }), 400, aiop(400001)],
    [
      "path variant marked by the entry point (licence)",
      () => ({ path: LICENSE, headers: { "x-ocr-path-variant": "1" } }),
      404,
      eop(50003),
    ],
    ["non-JSON content type", () => ({ headers: { "Content-Type": "text/plain" } }), 415, { ...eop(40008), message: "不支持的请求类型" }],
    [
      "declared body too large",
      () => ({ after: { "content-length": String(MAX_BODY + 1) } }),
      413,
      { ...eop(40013), message: "请求体过大" },
    ],
    ["streamed body too large", () => ({ body: JSON.stringify({ data: ["A".repeat(MAX_BODY)] }) }), 413, eop(40013)],
    [
      "missing appkey",
      () => ({ appKey: null, sign: { signedHeaders: ["ctyun-eop-request-id", "eop-date"] } }),
      401,
      { ...eop(40002), message: "缺少 appkey 头" },
    ],
    ["missing Eop-Authorization", () => ({ after: { "Eop-Authorization": null } }), 401, eop(10020)],
    ["malformed Eop-Authorization", () => ({ after: { "Eop-Authorization": "garbage" } }), 401, eop(10020)],
    ["unknown access key", () => ({ credentials: { accessKey: "nope" } }), 401, { ...eop(10002), message: "生成签名时官网 ak 信息错误" }],
    ["wrong secret key", () => ({ credentials: { secretKey: "wrong" } }), 401, { ...eop(10020), message: "签名错误" }],
    ["body changed after signing", () => ({ after: {}, body: undefined, sign: { body: "{}" } }), 401, eop(10020)],
    ["request id not signed", () => ({ sign: { signedHeaders: ["appkey", "eop-date"] } }), 401, eop(10020)],
    ["date 20 minutes old (UTC)", () => ({ sign: { eopDate: formatEopDate(new Date(Date.now() - 20 * 60_000), 0) } }), 401, eop(10020)],
    ["date in a wrong zone (UTC+4)", () => ({ sign: { eopDate: formatEopDate(new Date(), 240) } }), 401, eop(10020)],
    ["another user's appkey", () => ({ appKey: apps.foreign! }), 401, { ...eop(40006), message: "无效的 appkey" }],
    ["unknown appkey", () => ({ appKey: "0".repeat(32) }), 401, eop(40006)],
    [
      "IP not on the allow-list",
      () => ({ appKey: apps.limited!, headers: { "x-forwarded-for": "192.168.1.1" } }),
      403,
      { ...eop(40009), message: "IP 未被 APP 授权" },
    ],
    ["capability not opened", () => ({ appKey: apps.closed! }), 403, { ...eop(50002), message: "应用未开通" }],
    ["paid API with no pack", () => ({ path: IDCARD }), 403, eop(51002)],
    ["all packs expired", () => ({ path: "/v1/aiop/api/2gt54ed8660w/driven-plate-ocr/platelicense.json" }), 403, eop(51001)],
    [
      "body check after quota",
      () => ({ body: "" }),
      400,
      { ...aiop(400003), message: "error", details: "请求体请求数据为空，没有包含内容" },
    ],
    ["more images than calls left", () => ({ body: JSON.stringify({ data: Array(21).fill(image) }) }), 403, eop(51003)],
  ])("%s", async (_name, make, http, expected) => {
    const result = await send(make());
    expect(result.status).toBe(http);
    expect(result.json).toMatchObject(expected);
  });

  test("the content of a streamed body is never needed before the signature step", async () => {
    // Missing appkey answers before the (oversized) body is read.
    const result = await send({ appKey: null, body: JSON.stringify({ data: ["A".repeat(MAX_BODY)] }) });
    expect(result.json).toMatchObject(eop(40002));
  });
});

describe("signature clients", () => {
  test("the seed's header set with a UTC+8 date, and the other client: Eop-date header, sorted encoded query", async () => {
    expect((await send()).status).toBe(200);
    const result = await send({
      path: `${GENERAL}?b=x%20y&a=%E4%B8%AD`,
      sign: { signedHeaders: ["ctyun-eop-request-id", "eop-date"], eopDate: formatEopDate(new Date(), 0) },
    });
    expect(result.status).toBe(200);
  });

  test("a request id is accepted once per access key", async () => {
    const requestId = `replay-${Date.now()}`;
    expect((await send({ sign: { requestId } })).status).toBe(200);
    expect((await send({ sign: { requestId } })).json).toMatchObject(eop(10020));
  });

  test("an id is spent once its signature verified, even when the request then fails", async () => {
    const requestId = `spent-${Date.now()}`;
    expect((await send({ sign: { requestId }, body: "{" })).json).toMatchObject(aiop(400004));
    expect((await send({ sign: { requestId } })).json).toMatchObject(eop(10020));
  });

  test("allowed IPs pass (IPv4 CIDR and IPv6)", async () => {
    expect((await send({ appKey: apps.limited!, headers: { "x-forwarded-for": "10.1.2.3, 127.0.0.1" } })).status).toBe(200);
    expect((await send({ appKey: apps.limited!, headers: { "x-forwarded-for": "2001:db8::5" } })).status).toBe(200);
  });
});

describe("recognition and metering", () => {
  test("general OCR answers the seed's shape and charges one call per good image", async () => {
    const before = await db.quotaPack.aggregate({ where: { userId, capabilityId: "general" }, _sum: { used: true } });
    const requestId = `ocr-${Date.now()}`;
    const result = await send({ body: JSON.stringify({ data: [image, "!!", image] }), sign: { requestId } });
    expect(result.status).toBe(200);
    expect(result.json).toEqual({
      statusCode: 0,
      message: { success: 2, fail: 1 },
      returnObj: [
        { text_line: 1, detail: [{ name: "0", text: "你好", box: [1, 2, 30, 2, 30, 12, 1, 12], confidence: 0.98 }] },
        { err_code: 400011, err_msg: "base64 数据处理异常" },
        { text_line: 1, detail: [{ name: "0", text: "你好", box: [1, 2, 30, 2, 30, 12, 1, 12], confidence: 0.98 }] },
      ],
    });
    const after = await db.quotaPack.aggregate({ where: { userId, capabilityId: "general" }, _sum: { used: true } });
    expect(after._sum.used! - before._sum.used!).toBe(2);
    const record = await db.callRecord.findFirstOrThrow({ where: { requestId } });
    expect(record).toMatchObject({
      capabilityId: "general",
      imageCount: 3,
      successCount: 2,
      failCount: 1,
      charged: 2,
      httpStatus: 200,
      statusCode: 0,
    });
    expect(record.requestBytes).toBeGreaterThan(0);
    expect(record.responseBytes).toBeGreaterThan(0);
  });

  test("general OCR opt-ins in the (signed) query add paragraphs, tables and direction; nothing else changes", async () => {
    const line = { name: "0", text: "你好", box: [1, 2, 30, 2, 30, 12, 1, 12], confidence: 0.98 };
    const box = line.box;
    const all = await send({ path: `${GENERAL}?return_paragraphs=true&return_tables=true&return_direction=true` });
    expect(all.json.returnObj).toEqual([
      {
        text_line: 1,
        detail: [line],
        paragraphs: [{ lines: [0], box }],
        tables: [{ box, rows: 1, cols: 1, cells: [{ row: 0, col: 0, rowspan: 1, colspan: 1, text: "你好", box }] }],
        direction: 90,
      },
    ]);
    expect((await send({ path: `${GENERAL}?return_direction=true` })).json.returnObj).toEqual([
      { text_line: 1, detail: [line], direction: 90 },
    ]);
    // Only the exact value "true" asks.
    expect((await send({ path: `${GENERAL}?return_paragraphs=1&return_tables=false` })).json.returnObj).toEqual([
      { text_line: 1, detail: [line] },
    ]);
  });

  test("failures after the app is known are recorded; earlier ones are not", async () => {
    const recorded = `rec-${Date.now()}`;
    await send({ appKey: apps.closed!, sign: { requestId: recorded } });
    expect(await db.callRecord.findFirst({ where: { requestId: recorded } })).toMatchObject({
      statusCode: 50002,
      httpStatus: 403,
      charged: 0,
    });
    const unrecorded = `unrec-${Date.now()}`;
    await send({ appKey: apps.foreign!, sign: { requestId: unrecorded } });
    expect(await db.callRecord.findFirst({ where: { requestId: unrecorded } })).toBeNull();
  });

  test("past the OCR work in flight: 503/50010 with Retry-After at once, nothing charged, the call recorded", async () => {
    let release = () => {};
    let entered = () => {};
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    ocr.hold = new Promise<void>((resolve) => (release = resolve));
    ocr.entered = entered;
    try {
      const held = send({ body: JSON.stringify({ data: [image, image] }) });
      await inFlight;
      const used = async () =>
        (await db.quotaPack.aggregate({ where: { userId, capabilityId: "general" }, _sum: { used: true } }))._sum.used;
      const before = await used();
      const requestId = `busy-${Date.now()}`;
      // 2 in flight + 29 > 30. More images than calls are left, too: admission answers first.
      const busy = await send({ body: JSON.stringify({ data: Array(MAX_IMAGES_IN_FLIGHT - 1).fill(image) }), sign: { requestId } });
      expect(busy.status).toBe(503);
      expect(busy.json).toMatchObject({ statusCode: 50010, message: "服务繁忙，请稍后重试", error: "EOP_50010" });
      expect(Number(busy.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(await used()).toBe(before);
      expect(await db.callRecord.findFirst({ where: { requestId } })).toMatchObject({
        statusCode: 50010,
        httpStatus: 503,
        charged: 0,
        imageCount: MAX_IMAGES_IN_FLIGHT - 1,
      });
      release();
      expect((await held).status).toBe(200);
    } finally {
      ocr.hold = null;
      release();
    }
    // The held request's images were given back: a request of the whole budget's size is admitted (and then refused on quota).
    expect((await send({ body: JSON.stringify({ data: Array(MAX_IMAGES_IN_FLIGHT).fill(image) }) })).json).toMatchObject(eop(51003));
  });

  test("the business licence is free and recorded", async () => {
    const requestId = `lic-${Date.now()}`;
    const result = await send({
      path: LICENSE,
      body: JSON.stringify({ Action: "BusinessCardOCR", ImageData: image }),
      sign: { requestId },
    });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ statusCode: 0, message: "success", returnObj: { license_type: expect.any(String) } });
    expect(await db.callRecord.findFirst({ where: { requestId } })).toMatchObject({ capabilityId: "license", charged: 0, successCount: 1 });
  });

  test("licence body errors put the 错误信息 text in message", async () => {
    const result = await send({ path: LICENSE, body: JSON.stringify({ Action: "x", ImageData: image }) });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ statusCode: 400009, message: "Action值设置错误", details: "Action值设置错误", error: "AI_OP_400009" });
  });

  test("rate limit: 429 with Retry-After once the app's bucket is empty", async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        send({ appKey: apps.slow!, path: LICENSE, body: JSON.stringify({ Action: "BusinessCardOCR", ImageData: image }) }),
      ),
    );
    const limited = results.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(2);
    expect(limited[0]!.json).toMatchObject(eop(40029));
    expect(Number(limited[0]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});

// A client's mistake in any header gets the contract's code, never 500/50000 (review H1, L4, I3).
describe("hostile headers", () => {
  /** What node's HTTP parser hands over for UTF-8 bytes: one latin-1 character per byte ("中" → "ä¸\u00ad"). */
  const utf8AsLatin1 = (text: string) => Buffer.from(text, "utf8").toString("latin1");
  const signing = (...extra: string[]) => ({ signedHeaders: ["appkey", "ctyun-eop-request-id", "eop-date", ...extra] });
  const unsignedAppKey = { signedHeaders: ["ctyun-eop-request-id", "eop-date"] };

  test.each<[string, number, number, () => Call]>([
    ["signed header name a(b", 401, 10020, () => ({ sign: signing("a(b") })],
    ["signed header name a:b", 401, 10020, () => ({ sign: signing("a:b") })],
    ["signed header name é", 401, 10020, () => ({ sign: signing("\u00e9") })],
    ["signed header name with a slash", 401, 10020, () => ({ sign: signing("x/y") })],
    ["64 KiB Eop-Authorization", 401, 10020, () => ({ after: { "Eop-Authorization": `A Headers=x${" ".repeat(64 * 1024)}y` } })],
    ["two eop-date headers", 401, 10020, () => ({ duplicate: ["eop-date"] })],
    ["two Eop-Authorization headers", 401, 10020, () => ({ duplicate: ["Eop-Authorization"] })],
    ["two ctyun-eop-request-id headers", 401, 10020, () => ({ duplicate: ["ctyun-eop-request-id"] })],
    ["two appkey headers (signed)", 401, 10020, () => ({ duplicate: ["appkey"] })],
    ["two appkey headers (unsigned)", 401, 40006, () => ({ sign: unsignedAppKey, duplicate: ["appkey"] })],
    ["empty appkey", 401, 40002, () => ({ after: { appkey: "" } })],
    ["blank appkey", 401, 40002, () => ({ after: { appkey: " \t " } })],
    ["empty Eop-Authorization", 401, 10020, () => ({ after: { "Eop-Authorization": "" } })],
    ["empty eop-date, signed as such", 401, 10020, () => ({ sign: { eopDate: "" } })],
    ["empty request id, signed as such", 401, 10020, () => ({ sign: { requestId: "" } })],
    ["request id of 129 characters", 401, 10020, () => ({ sign: { requestId: "r".repeat(129) } })],
    ["request id of 16 KiB", 401, 10020, () => ({ sign: { requestId: "r".repeat(16 * 1024) } })],
    ["eop-date in year 9999", 401, 10020, () => ({ sign: { eopDate: "99991231T235959Z" } })],
    ["eop-date 30 February", 401, 10020, () => ({ sign: { eopDate: "20260230T120000Z" } })],
    ["UTF-8 bytes in the appkey", 401, 40006, () => ({ appKey: utf8AsLatin1("应用") })],
    ["UTF-8 bytes in the access key", 401, 10002, () => ({ credentials: { accessKey: utf8AsLatin1("密钥") } })],
    ["UTF-8 bytes in eop-date", 401, 10020, () => ({ sign: { eopDate: utf8AsLatin1("２０２６年") } })],
    [
      "UTF-8 bytes in the signature",
      401,
      10020,
      () => ({
        after: { "Eop-Authorization": `${creds.accessKey} Headers=appkey;ctyun-eop-request-id;eop-date Signature=${utf8AsLatin1("签名")}` },
      }),
    ],
    ["UTF-8 bytes in a signed header name", 401, 10020, () => ({ sign: signing(utf8AsLatin1("名")) })],
    ["UTF-8 bytes in Content-Type", 415, 40008, () => ({ headers: { "Content-Type": utf8AsLatin1("应用/json") } })],
    [
      "UTF-8 bytes in x-forwarded-for (allow-listed app)",
      403,
      40009,
      () => ({ appKey: apps.limited!, headers: { "x-forwarded-for": utf8AsLatin1("十.0.0.1") } }),
    ],
    [
      "garbage x-forwarded-for (allow-listed app)",
      403,
      40009,
      () => ({ appKey: apps.limited!, headers: { "x-forwarded-for": "10.0.0.1.5, ::zz" } }),
    ],
    ["garbage Content-Length", 200, 0, () => ({ after: { "content-length": "12abc" } })],
    ["request id of 128 characters", 200, 0, () => ({ sign: { requestId: `${Date.now()}`.padEnd(128, "r") } })],
    ["UTF-8 bytes in a request id", 200, 0, () => ({ sign: { requestId: utf8AsLatin1(`请求-${Date.now()}`) } })],
    ["UTF-8 bytes in a signed custom header", 200, 0, () => ({ headers: { "x-note": utf8AsLatin1("备注") }, sign: signing("x-note") })],
  ])("%s → HTTP %i, statusCode %i", async (_name, http, statusCode, make) => {
    const result = await send(make());
    expect(result.json.statusCode).toBe(statusCode);
    expect(result.status).toBe(http);
  });
});

// Issue 12: a developer can find out why a call failed (ux.md bugs 10 and 11).
describe("call records for debugging", () => {
  const recordOf = (requestId: string) => db.callRecord.findFirst({ where: { requestId } });
  const uid = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

  test.each<[string, (requestId: string) => Call, number, string]>([
    ["wrong SecretKey", (requestId) => ({ credentials: { secretKey: "wrong" }, sign: { requestId } }), 10020, "signature mismatch"],
    [
      "eop-date 30 minutes old",
      (requestId) => ({ sign: { requestId, eopDate: formatEopDate(new Date(Date.now() - 30 * 60_000), 0) } }),
      10020,
      "eop-date outside the accepted window (±15 min) by 1", // 15 or 16 min: the date is whole seconds
    ],
    ["unknown access key", (requestId) => ({ credentials: { accessKey: "AKunknown0000" }, sign: { requestId } }), 10002, "not found"],
    ["eop-date not signed", (requestId) => ({ sign: { requestId, signedHeaders: ["ctyun-eop-request-id"] } }), 10020, "must include"],
    [
      "signed header not sent",
      (requestId) => ({ sign: { requestId, signedHeaders: [...signedDefault, "x-n"] } }),
      10020,
      "x-n was not sent",
    ],
  ])("%s: answered with details and recorded for the app", async (_name, make, code, details) => {
    const requestId = uid("auth");
    const result = await send(make(requestId));
    expect(result.json).toMatchObject({ ...eop(code), details: expect.stringContaining(details) });
    expect(await recordOf(requestId)).toMatchObject({
      userId,
      statusCode: code,
      httpStatus: 401,
      details: expect.stringContaining(details),
      message: result.json.message,
      charged: 0,
    });
  });

  test("a reused request id and a disabled access key are recorded with what failed", async () => {
    const requestId = uid("reuse");
    expect((await send({ sign: { requestId } })).status).toBe(200);
    const replay = await send({ sign: { requestId } });
    expect(replay.json).toMatchObject({ ...eop(10020), details: "ctyun-eop-request-id already used with this access key" });
    const records = await db.callRecord.findMany({ where: { requestId }, orderBy: { createdAt: "asc" } });
    expect(records.map((r) => r.statusCode)).toEqual([0, 10020]);

    const { createAccessKey, setAccessKeyEnabled } = await import("@/lib/data/access-keys");
    const key = await createAccessKey({ userId });
    await setAccessKeyEnabled({ accessKey: key.accessKey, enabled: false });
    const disabledId = uid("disabled");
    const refused = await send({ credentials: { accessKey: key.accessKey, secretKey: key.secretKey }, sign: { requestId: disabledId } });
    expect(refused.json).toMatchObject({ ...eop(10002), details: expect.stringMatching(/^access key .+ is disabled$/) });
    expect(await recordOf(disabledId)).toMatchObject({ statusCode: 10002, details: expect.stringContaining("disabled") });
  });

  test("a failure signed with another account's key is never written into this app's log", async () => {
    const requestId = uid("foreign-signer");
    await send({ appKey: apps.foreign!, credentials: { secretKey: "wrong" }, sign: { requestId } });
    expect(await recordOf(requestId)).toBeNull();
  });

  test("a 200 batch whose every image failed is recorded as a failure, with each image's error and the stages", async () => {
    const requestId = uid("all-failed");
    const result = await send({ body: JSON.stringify({ data: ["this is not base64!!!", "!!"] }), sign: { requestId } });
    expect(result.json).toMatchObject({ statusCode: 0, message: { success: 0, fail: 2 } });
    const record = (await recordOf(requestId))!;
    expect(record).toMatchObject({ httpStatus: 200, statusCode: 0, successCount: 0, failCount: 2, charged: 0 });
    expect(JSON.parse(record.imageErrors)).toEqual([
      { index: 0, code: 400011, message: "base64 数据处理异常" },
      { index: 1, code: 400011, message: "base64 数据处理异常" },
    ]);
    expect(Object.keys(JSON.parse(record.stages))).toContain("gateway");
    const { isSuccessfulCall } = await import("@/lib/data/call-rollups");
    expect(isSuccessfulCall(record)).toBe(false);
    const { listCallLogs } = await import("@/lib/data/call-logs");
    const failed = await listCallLogs({ userId, range: "24h", pageSize: 50, direction: "next", status: "failure", requestId });
    expect(failed.rows.map((r) => r.requestId)).toEqual([requestId]);
    const succeeded = await listCallLogs({ userId, range: "24h", pageSize: 50, direction: "next", status: "success", requestId });
    expect(succeeded.rows).toEqual([]);
  });

  test("a flood of bad signatures writes a bounded number of rows; the rest are merged and still counted", async () => {
    const { createApp } = await import("@/lib/data/apps");
    const flooded = await createApp({ userId, name: "flooded", capabilities: ["general"], qpsLimit: 1000 });
    const { flushMergedCalls } = await import("@/lib/data/merged-calls");
    const sent = 160;
    const started = Date.now();
    for (let i = 0; i < sent; i++) await send({ appKey: flooded.appKey, credentials: { secretKey: "wrong" }, body: "{}" });
    const seconds = (Date.now() - started) / 1000;
    const before = await db.callRecord.count({ where: { appId: flooded.id } });
    // 100 at once, then 2 per second (lib/gateway/failure-recording.ts).
    expect(before).toBeLessThanOrEqual(100 + Math.ceil(2 * seconds) + 1);
    expect(before).toBeLessThan(sent);
    await flushMergedCalls();
    const rows = await db.callRecord.findMany({ where: { appId: flooded.id } });
    expect(rows.length).toBeLessThanOrEqual(before + 1);
    expect(rows.reduce((sum, r) => sum + r.calls, 0)).toBe(sent);
    expect(rows.every((r) => r.statusCode === 10020)).toBe(true);
    const rollups = await db.callRollup.aggregate({ where: { appId: flooded.id }, _sum: { calls: true, successes: true } });
    expect(rollups._sum).toEqual({ calls: sent, successes: 0 });
  });
});
