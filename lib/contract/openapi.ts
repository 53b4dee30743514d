import "server-only";

import { z } from "zod";

import { API_PREFIX, billingLabel, CAPABILITIES, type CapabilityDef } from "@/lib/capabilities/catalog";
import { ENDPOINTS } from "@/lib/capabilities/endpoints";
import { capabilityErrorRows, type ErrorRow, gatewayErrorRows } from "@/lib/contract/error-catalog";

// The OpenAPI 3.1 document served at GET /api/openapi.json, built from the same definitions and
// error tables the gateway answers from: the catalog (paths, paid or free), each endpoint
// (documented request/response, opt-in query), lib/contract/error-catalog.ts (every code, its HTTP
// status, texts and the exact body).

type JsonObject = Record<string, unknown>;

const SIGNING = `EOP 签名（与原产品相同）：
1. 待签字符串 = 按名称升序的签名头「name:value\\n」拼接 + "\\n" + 按 & 拆分后排序再拼接的原始 query（无则为空）+ "\\n" + 原始请求体的 sha256（小写 hex）。签名头必须包含 ctyun-eop-request-id 与 eop-date，可包含 appkey、host 及其他已发送的请求头。
2. ktime = HMAC-SHA256(SK, eop-date)；kak = HMAC-SHA256(ktime, AK)；kdate = HMAC-SHA256(kak, eop-date 前 8 位)。
3. Signature = Base64(HMAC-SHA256(kdate, 待签字符串))。
4. Eop-Authorization: <AK> Headers=<h1;h2;...> Signature=<Signature>（不超过 4096 字节）。
eop-date 为 yyyymmddTHHMMSSZ，与服务器 UTC 时间或配置的客户端时区（默认 UTC+8）相差不超过 15 分钟；同一 AccessKey 下 ctyun-eop-request-id 只能使用一次。`;

/** zod → JSON Schema 2020-12 (the dialect of OpenAPI 3.1), without the `$schema` marker. */
function jsonSchema(schema: z.ZodType): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" }) as JsonObject;
  return rest;
}

const ERROR_SCHEMAS = {
  capability: {
    type: "object",
    description: '能力错误（整请求失败）；营业执照的 message 为错误信息文本，其余为 "error"',
    properties: {
      statusCode: { type: "integer" },
      message: { type: "string" },
      details: { type: "string" },
      error: { type: "string", pattern: "^AI_OP_\\d+$" },
    },
    required: ["statusCode", "message", "details", "error"],
  },
  gateway: {
    type: "object",
    description:
      "网关（EOP）错误；details 说明未通过的具体检查项（签名不匹配、eop-date 超出范围、请求 ID 重复、AccessKey 已禁用等），statusCode、message、error 与原版一致",
    properties: {
      statusCode: { type: "integer" },
      message: { type: "string" },
      error: { type: "string", pattern: "^EOP_\\d+$" },
      details: { type: "string" },
    },
    required: ["statusCode", "message", "error", "details"],
  },
};

const RETRY_AFTER = { "Retry-After": { description: "重试前等待的整秒数（≥ 1）", schema: { type: "integer", minimum: 1 } } };

/** Example entries keyed by the `error` field (a numbered suffix where one code has several texts). */
function examples(rows: ErrorRow[], value: (row: ErrorRow) => unknown): JsonObject {
  const out: JsonObject = {};
  for (const row of rows) {
    let key = row.error;
    for (let n = 2; key in out; n++) key = `${row.error}_${n}`;
    out[key] = {
      summary: `${row.code} ${row.message}${row.details && row.details !== row.message ? `（${row.details}）` : ""}`,
      value: value(row),
    };
  }
  return out;
}

function errorResponse(http: number, rows: ErrorRow[]): JsonObject {
  const kinds = [...new Set(rows.map((r) => (r.error.startsWith("EOP_") ? "gateway" : "capability")))];
  const schema =
    kinds.length === 1
      ? { $ref: `#/components/schemas/${kinds[0]}Error` }
      : { anyOf: kinds.map((k) => ({ $ref: `#/components/schemas/${k}Error` })) };
  return {
    description: rows.map((r) => `${r.code} ${r.message}：${r.doc}`).join("\n"),
    ...(http === 429 || http === 503 ? { headers: RETRY_AFTER } : {}),
    content: { "application/json": { schema, examples: examples(rows, (r) => r.body) } },
  };
}

function operation(def: CapabilityDef, alias: boolean): JsonObject {
  const endpoint = ENDPOINTS[def.id];
  // 50001 (unknown API id) is documented on its own path below.
  const rows = [...capabilityErrorRows(def.id), ...gatewayErrorRows(def.id).filter((row) => row.code !== 50001)];
  const imageRows = rows.filter((r) => r.scope === "image");
  const byStatus = new Map<number, ErrorRow[]>();
  for (const row of rows.filter((r) => r.scope === "request")) byStatus.set(row.http, [...(byStatus.get(row.http) ?? []), row]);
  const responses: JsonObject = {
    "200": {
      description: imageRows.length
        ? "成功（statusCode 0）。批量请求中单张图片失败不影响其他图片：对应 returnObj 元素为 {err_code, err_msg}，message.fail 计数，statusCode 仍为 0"
        : "成功（statusCode 0）",
      content: {
        "application/json": {
          schema: jsonSchema(endpoint.contract.response),
          ...(imageRows.length
            ? { examples: examples(imageRows, (r) => ({ statusCode: 0, message: { success: 0, fail: 1 }, returnObj: [r.body] })) }
            : {}),
        },
      },
    },
  };
  for (const [http, group] of [...byStatus].sort(([a], [b]) => a - b)) responses[String(http)] = errorResponse(http, group);
  return {
    operationId: alias ? `${def.id}Alias` : def.id,
    tags: [def.name],
    summary: alias ? `${def.name}（原产品文档中的兼容路径）` : def.name,
    description: `${def.summary}。${def.paid ? "商用：按成功识别的图片张数从资源包扣减" : `${billingLabel(def)}：开通即可调用，不计次`}。除 POST 外的方法返回该能力的方法错误码（HTTP 405），API ID 正确但路径错误返回路径错误码。`,
    parameters: [
      { $ref: "#/components/parameters/requestId" },
      { $ref: "#/components/parameters/eopDate" },
      ...(endpoint.contract.query ?? []).map((q) => ({
        name: q.name,
        in: "query",
        required: false,
        description: q.description,
        schema: { type: "string", enum: ["true"] },
      })),
    ],
    requestBody: { required: true, content: { "application/json": { schema: jsonSchema(endpoint.contract.request) } } },
    responses,
  };
}

/** The whole document; pure, built on every call (it is small). */
export function buildOpenApiDocument(): JsonObject {
  const paths: JsonObject = {};
  for (const def of CAPABILITIES) {
    def.routes.forEach((route, index) => {
      paths[`${API_PREFIX}${route.apiId}${route.path}`] = { post: operation(def, index > 0) };
    });
  }
  const unknownApi = gatewayErrorRows().filter((r) => r.code === 50001);
  paths[`${API_PREFIX}{apiId}`] = {
    post: {
      operationId: "unknownApi",
      summary: "未注册的 API ID",
      description: "/v1/aiop/api/ 之后的 API ID 未注册（其后任意路径、任意方法）。",
      parameters: [{ name: "apiId", in: "path", required: true, description: "未注册的 API ID", schema: { type: "string" } }],
      responses: { "404": errorResponse(404, unknownApi) },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "印刷文字识别 API",
      version: "1.0.0",
      description:
        "四项能力的签名 HTTP API（与原产品的请求与返回格式一致）。所有接口均为 POST、Content-Type: application/json（未发送 Content-Type 也接受，其他类型返回 40008 / HTTP 415）。错误码、HTTP 状态与文本即服务端返回的内容。",
    },
    servers: [{ url: "/", description: "本服务" }],
    security: [{ eopSignature: [], appKey: [] }],
    tags: CAPABILITIES.map((def) => ({ name: def.name, description: `${def.summary}（${billingLabel(def)}）` })),
    paths,
    components: {
      securitySchemes: {
        eopSignature: { type: "apiKey", in: "header", name: "Eop-Authorization", description: SIGNING },
        appKey: {
          type: "apiKey",
          in: "header",
          name: "appkey",
          description: "控制台「我的应用」中应用的 AppKey；应用须属于 AccessKey 的账号并已开通该能力",
        },
      },
      parameters: {
        requestId: {
          name: "ctyun-eop-request-id",
          in: "header",
          required: true,
          description: "请求 ID（建议 UUID），同一 AccessKey 下只能使用一次，须参与签名",
          schema: { type: "string", minLength: 1, maxLength: 128 },
        },
        eopDate: {
          name: "eop-date",
          in: "header",
          required: true,
          description: "请求时间 yyyymmddTHHMMSSZ，须参与签名",
          schema: { type: "string", pattern: "^\\d{8}T\\d{6}Z$" },
          example: "20211221T163014Z",
        },
      },
      schemas: { capabilityError: ERROR_SCHEMAS.capability, gatewayError: ERROR_SCHEMAS.gateway },
    },
  };
}
