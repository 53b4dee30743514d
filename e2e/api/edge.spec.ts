import http from "node:http";
import path from "node:path";

import Database from "better-sqlite3";

import { callApi, createApiAccount, createApp, expect, PATHS, test } from "../fixtures/api-client";

// The gateway's edge through the real entry point (scripts/server.mjs): the client address behind
// a trusted proxy (review M2) and a contract answer for every method and path variant (issue 13).
// Raw node:http, because URL libraries would normalise the very paths under test.

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const E2E_DATA_DIR = path.resolve(process.env.E2E_DATA_DIR ?? "data/e2e");

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

function raw(method: string, target: string, headers: Record<string, string> = {}, body = ""): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: E2E_PORT,
        method,
        path: target,
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${method} ${target} timed out`)));
    req.on("error", reject);
    req.end(body);
  });
}

interface Contract {
  http: number;
  statusCode: number;
  error: string;
}

const CAPABILITY_PATHS: [string, string, Contract, Contract][] = [
  // [name, path, method answer, path answer]
  [
    "general",
    PATHS.general,
    { http: 405, statusCode: 400002, error: "AI_OP_400002" },
    { http: 400, statusCode: 400001, error: "AI_OP_400001" },
  ],
  ["ID card", PATHS.idcard, { http: 405, statusCode: 4012, error: "AI_OP_4012" }, { http: 400, statusCode: 4013, error: "AI_OP_4013" }],
  ["plate", PATHS.plate, { http: 405, statusCode: 4012, error: "AI_OP_4012" }, { http: 400, statusCode: 4013, error: "AI_OP_4013" }],
  ["licence", PATHS.license, { http: 405, statusCode: 40008, error: "EOP_40008" }, { http: 404, statusCode: 50003, error: "EOP_50003" }],
  [
    "licence alias",
    PATHS.licenseAlias,
    { http: 405, statusCode: 40008, error: "EOP_40008" },
    { http: 404, statusCode: 50003, error: "EOP_50003" },
  ],
];
// Next routes the first seven; TRACE used to answer 500, the WebDAV/QUERY tokens an empty 400.
const METHODS = ["GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "QUERY", "PURGE"];
const VARIANTS: [string, (p: string) => string][] = [
  ["trailing slash", (p) => `${p}/`],
  ["two trailing slashes", (p) => `${p}//`],
  ["leading double slash", (p) => `/${p}`],
  ["double slash inside", (p) => p.replace(/\/([^/]+)$/, "//$1")],
  ["dot segment", (p) => p.replace(/\/([^/]+)$/, "/./$1")],
];

function expectContract(response: RawResponse, expected: Contract, withBody = true) {
  expect(response.status, response.text).toBe(expected.http);
  expect(response.headers.location).toBeUndefined();
  if (withBody) expect(JSON.parse(response.text)).toMatchObject({ statusCode: expected.statusCode, error: expected.error });
}

test.describe("every method on every capability path: the method code, HTTP 405", () => {
  for (const [name, apiPath, methodAnswer] of CAPABILITY_PATHS) {
    test(name, async () => {
      for (const method of METHODS) {
        const response = await raw(method, apiPath, { "content-type": "application/json" });
        // A HEAD answer has no body.
        expectContract(response, methodAnswer, method !== "HEAD");
      }
    });
  }
});

test.describe("path variants: the path code, never a redirect", () => {
  for (const [name, apiPath, , pathAnswer] of CAPABILITY_PATHS) {
    test(name, async () => {
      for (const [, variant] of VARIANTS) {
        for (const method of ["POST", "GET", "TRACE"])
          expectContract(await raw(method, variant(apiPath), { "content-type": "application/json" }, "{}"), pathAnswer);
      }
    });
  }

  test("unknown API ids and the API root: 50001", async () => {
    const unknown = { http: 404, statusCode: 50001, error: "EOP_50001" };
    for (const target of ["/v1/aiop/api", "/v1/aiop/api/", "//v1/aiop/api/nosuchapi/x/", "/v1/aiop/api/nosuchapi//x"]) {
      expectContract(await raw("POST", target, {}, "{}"), unknown);
      expectContract(await raw("TRACE", target), unknown);
    }
  });

  test("what Node's HTTP parser refuses itself (a backslash, a method token it does not know): a bare 400", async () => {
    for (const [method, target] of [
      ["POST", PATHS.general.replaceAll("/", "\\")],
      ["FOO", PATHS.general],
    ] as const) {
      const response = await raw(method, target, {}, "{}");
      expect(response.status).toBe(400);
      expect(response.headers.location).toBeUndefined();
    }
  });

  test("outside the API Next's own handling stays", async () => {
    const response = await raw("GET", "//login");
    expect(response.status).toBe(308);
    expect(response.headers.location).toBe("/login");
  });
});

test("behind a trusted proxy the client is the right-most untrusted X-Forwarded-For hop", async ({ request }) => {
  const account = createApiAccount({ capabilities: ["license"] });
  const allowsClient = createApp(account, { capabilities: ["license"], ipAllow: "203.0.113.9" });
  const allowsSpoofed = createApp(account, { capabilities: ["license"], ipAllow: "6.6.6.6" });
  // Fails at the image check (400011): the IP step passed without running OCR.
  const body = { Action: "BusinessCardOCR", ImageData: "%%% not base64 %%%" };
  // This test client is loopback, a trusted proxy by default: it appended 203.0.113.9 to the client's claim.
  const headers = { "X-Forwarded-For": "6.6.6.6, 203.0.113.9", "X-Real-IP": "6.6.6.6" };
  const requestId = `xff-${Date.now()}`;

  const allowed = await callApi(request, allowsClient, PATHS.license, body, { headers, requestId });
  expect(allowed.json).toMatchObject({ statusCode: 400011 });
  const refused = await callApi(request, allowsSpoofed, PATHS.license, body, { headers });
  expect(refused.status).toBe(403);
  expect(refused.json).toEqual({
    statusCode: 40009,
    message: "IP 未被 APP 授权",
    error: "EOP_40009",
    details: expect.stringMatching(/^client IP .+ is not on the app's IP allow-list$/),
  });

  const db = new Database(path.join(E2E_DATA_DIR, "ocr.db"), { readonly: true });
  try {
    expect(db.prepare("SELECT clientIp FROM CallRecord WHERE requestId = ?").get(requestId)).toEqual({ clientIp: "203.0.113.9" });
  } finally {
    db.close();
  }
});
