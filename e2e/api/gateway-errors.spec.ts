import {
  type ApiAccount,
  type CallOptions,
  callApi,
  createApiAccount,
  createApp,
  expect,
  grantPack,
  PATHS,
  test,
} from "../fixtures/api-client";
import { admin } from "../fixtures/admin";
import { formatEopDate } from "../fixtures/eop-sign";

// Every gateway (EOP) code of API.md §Gateway failures, the 413/429 edges, and each endpoint's
// own method and path codes. One table; each row is an independent signed call.

interface Case {
  name: string;
  path?: string;
  body?: unknown;
  creds?: () => ApiAccount;
  options?: () => CallOptions;
  expect: { http: number; statusCode: number; error: string; message?: string };
}

// Fails at the first image check (400011), so a passing gateway step is visible without running OCR.
const license = { Action: "BusinessCardOCR", ImageData: "%%% not base64 %%%" };

let main: ApiAccount;
const extra: Record<string, ApiAccount> = {};

test.beforeAll(() => {
  main = createApiAccount();
  grantPack(main.email, "general", 1000);
  extra.foreign = createApiAccount();
  extra.disabled = createApiAccount();
  admin("disable-access-key", "--access-key", extra.disabled.accessKey);
  extra.ipLimited = createApp(main, { capabilities: ["general", "license"], ipAllow: "10.0.0.0/8, 2001:db8::/32" });
  extra.closed = createApp(main, { capabilities: ["idcard"] });
  extra.noPack = createApiAccount();
  extra.expired = createApiAccount();
  grantPack(extra.expired.email, "general", 100, { expiresAt: new Date(Date.now() - 86_400_000) });
  extra.usedUp = createApiAccount();
  grantPack(extra.usedUp.email, "general", 5, { used: 5 });
});

const cases: Case[] = [
  {
    name: "unknown API id",
    path: "/v1/aiop/api/nosuchapi/x",
    expect: { http: 404, statusCode: 50001, error: "EOP_50001", message: "服务未注册" },
  },
  { name: "general: unknown path", path: `${PATHS.general}.bak`, expect: { http: 400, statusCode: 400001, error: "AI_OP_400001" } },
  {
    name: "ID card: unknown path",
    path: "/v1/aiop/api/2f3os7qq79xc/idcard.json",
    expect: { http: 400, statusCode: 4013, error: "AI_OP_4013" },
  },
  { name: "plate: unknown path", path: "/v1/aiop/api/2gt54ed8660w/plate", expect: { http: 400, statusCode: 4013, error: "AI_OP_4013" } },
  { name: "licence: unknown path", path: "/v1/aiop/api/2k8jo3ghhjwg/x", expect: { http: 404, statusCode: 50003, error: "EOP_50003" } },
  { name: "general: GET", options: () => ({ method: "GET" }), expect: { http: 405, statusCode: 400002, error: "AI_OP_400002" } },
  {
    name: "ID card: PUT",
    path: PATHS.idcard,
    options: () => ({ method: "PUT" }),
    expect: { http: 405, statusCode: 4012, error: "AI_OP_4012" },
  },
  {
    name: "plate: DELETE",
    path: PATHS.plate,
    options: () => ({ method: "DELETE" }),
    expect: { http: 405, statusCode: 4012, error: "AI_OP_4012" },
  },
  {
    name: "licence: GET",
    path: PATHS.license,
    options: () => ({ method: "GET" }),
    expect: { http: 405, statusCode: 40008, error: "EOP_40008" },
  },
  {
    name: "licence alias: PATCH",
    path: PATHS.licenseAlias,
    options: () => ({ method: "PATCH" }),
    expect: { http: 405, statusCode: 40008, error: "EOP_40008" },
  },
  {
    name: "non-JSON Content-Type",
    options: () => ({ headers: { "Content-Type": "text/plain" } }),
    expect: { http: 415, statusCode: 40008, error: "EOP_40008" },
  },
  {
    name: "missing appkey",
    options: () => ({ signedHeaders: ["ctyun-eop-request-id", "eop-date"], after: { appkey: null } }),
    expect: { http: 401, statusCode: 40002, error: "EOP_40002", message: "缺少 appkey 头" },
  },
  {
    name: "missing Eop-Authorization",
    options: () => ({ after: { "Eop-Authorization": null } }),
    expect: { http: 401, statusCode: 10020, error: "EOP_10020" },
  },
  {
    name: "malformed Eop-Authorization",
    options: () => ({ after: { "Eop-Authorization": "Bearer x" } }),
    expect: { http: 401, statusCode: 10020, error: "EOP_10020" },
  },
  {
    name: "unknown access key",
    creds: () => ({ ...main, accessKey: "0".repeat(32) }),
    expect: { http: 401, statusCode: 10002, error: "EOP_10002" },
  },
  { name: "disabled access key", creds: () => extra.disabled!, expect: { http: 401, statusCode: 10002, error: "EOP_10002" } },
  {
    name: "wrong secret key",
    creds: () => ({ ...main, secretKey: "f".repeat(32) }),
    expect: { http: 401, statusCode: 10020, error: "EOP_10020", message: "签名错误" },
  },
  {
    name: "eop-date 30 min old",
    options: () => ({ eopDate: formatEopDate(new Date(Date.now() - 30 * 60_000), 0) }),
    expect: { http: 401, statusCode: 10020, error: "EOP_10020" },
  },
  {
    name: "another user's appkey",
    creds: () => ({ ...main, appKey: extra.foreign!.appKey }),
    expect: { http: 401, statusCode: 40006, error: "EOP_40006" },
  },
  { name: "unknown appkey", creds: () => ({ ...main, appKey: "abc" }), expect: { http: 401, statusCode: 40006, error: "EOP_40006" } },
  {
    name: "IP not allowed",
    creds: () => extra.ipLimited!,
    options: () => ({ headers: { "x-forwarded-for": "192.168.7.7" } }),
    expect: { http: 403, statusCode: 40009, error: "EOP_40009" },
  },
  { name: "capability not opened", creds: () => extra.closed!, expect: { http: 403, statusCode: 50002, error: "EOP_50002" } },
  { name: "paid API, no pack", creds: () => extra.noPack!, expect: { http: 403, statusCode: 51002, error: "EOP_51002" } },
  { name: "pack expired", creds: () => extra.expired!, expect: { http: 403, statusCode: 51001, error: "EOP_51001" } },
  { name: "calls used up", creds: () => extra.usedUp!, expect: { http: 403, statusCode: 51003, error: "EOP_51003" } },
  {
    name: "allowed IPv4 (CIDR)",
    path: PATHS.license,
    body: license,
    creds: () => extra.ipLimited!,
    options: () => ({ headers: { "x-forwarded-for": "10.20.30.40" } }),
    expect: { http: 400, statusCode: 400011, error: "AI_OP_400011" },
  },
  {
    name: "allowed IPv6 (CIDR)",
    path: PATHS.license,
    body: license,
    creds: () => extra.ipLimited!,
    options: () => ({ headers: { "x-forwarded-for": "2001:db8::1" } }),
    expect: { http: 400, statusCode: 400011, error: "AI_OP_400011" },
  },
];

for (const c of cases) {
  test(c.name, async ({ request }) => {
    const result = await callApi(request, c.creds?.() ?? main, c.path ?? PATHS.general, c.body ?? { data: ["x"] }, c.options?.());
    expect(result.status).toBe(c.expect.http);
    expect(result.json).toMatchObject({ statusCode: c.expect.statusCode, error: c.expect.error });
    if (c.expect.message) expect(result.json.message).toBe(c.expect.message);
    // The contract's three fields, plus `details` naming the check that failed (issue 12).
    if (c.expect.error.startsWith("EOP_")) {
      expect(Object.keys(result.json).sort()).toEqual(["details", "error", "message", "statusCode"]);
      expect(result.json.details).toEqual(expect.stringMatching(/\S/));
    }
  });
}

test("a replayed request id is refused (10020)", async ({ request }) => {
  const requestId = `replay-${Date.now()}`;
  const first = await callApi(request, main, PATHS.license, license, { requestId });
  expect(first.json.statusCode).toBe(400011);
  const second = await callApi(request, main, PATHS.license, license, { requestId });
  expect(second.status).toBe(401);
  expect(second.json).toEqual({
    statusCode: 10020,
    message: "签名错误",
    error: "EOP_10020",
    details: "ctyun-eop-request-id already used with this access key",
  });
});

test("rate limit: 429 EOP_40029 with Retry-After ≥ 1", async ({ request }) => {
  const slow = createApp(main, { capabilities: ["license"], qps: 1 });
  const results = await Promise.all(Array.from({ length: 4 }, () => callApi(request, slow, PATHS.license, license)));
  const limited = results.filter((r) => r.status === 429);
  expect(limited.length).toBeGreaterThanOrEqual(1);
  expect(limited[0]!.json).toMatchObject({ statusCode: 40029, error: "EOP_40029" });
  expect(Number(limited[0]!.headers["retry-after"])).toBeGreaterThanOrEqual(1);
});

test("413 EOP_40013 for a body above the configured maximum (default 100 MiB)", async ({ request }) => {
  const huge = Buffer.alloc(100 * 1024 * 1024 + 1, 0x20);
  const result = await callApi(request, main, PATHS.general, huge);
  expect(result.status).toBe(413);
  expect(result.json).toEqual({
    statusCode: 40013,
    message: "请求体过大",
    error: "EOP_40013",
    details: expect.stringMatching(/^request body over \d+ bytes$/),
  });
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
});
