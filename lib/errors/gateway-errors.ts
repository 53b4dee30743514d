// Gateway (EOP) error codes: the seed's global table (§4.1.3) plus the contract's 40013, 40029 and
// 50010. Shape: {statusCode, message, error: "EOP_<code>"}, plus an optional `details` string
// naming the check that failed (the contract allows it; the three contract fields never change).
// This table is what the server answers from and what the console docs and /api/openapi.json show.

export interface GatewayErrorRow {
  http: number;
  /** The served `message`. */
  message: string;
  /** When the code is answered (console docs, OpenAPI); never served. */
  doc: string;
  /** Other HTTP statuses the same code is answered with (40008: 415 for a non-JSON Content-Type). */
  alsoHttp?: readonly number[];
  /** The served `details` texts, by reason (only 50010 names its check). */
  details?: Readonly<Record<string, string>>;
}

export const GATEWAY_ERRORS = {
  10002: { http: 401, message: "生成签名时官网 ak 信息错误", doc: "AccessKey 不存在或已禁用" },
  10020: {
    http: 401,
    message: "签名错误",
    doc: "签名不匹配；Eop-Authorization 缺失、格式错误或超过 4096 字节；签名头名称非法；ctyun-eop-request-id 为空或超过 128 字符；eop-date 超出允许范围；请求 ID 重复",
  },
  40002: { http: 401, message: "缺少 appkey 头", doc: "请求头缺少 appkey" },
  40006: { http: 401, message: "无效的 appkey", doc: "AppKey 不存在或不属于该 AccessKey 的账号" },
  // 405 for a wrong method; an unsupported Content-Type answers 415 (see handle-request.ts).
  40008: {
    http: 405,
    message: "不支持的请求类型",
    doc: "营业执照接口使用了 POST 以外的方法（HTTP 405）；任一接口的 Content-Type 不是 JSON（HTTP 415）",
    alsoHttp: [415],
  },
  40009: { http: 403, message: "IP 未被 APP 授权", doc: "调用方 IP 不在应用的 IP 白名单中" },
  40010: { http: 403, message: "IP 未被 API 授权", doc: "调用方 IP 未被该 API 授权" },
  40013: {
    http: 413,
    message: "请求体过大",
    doc: "请求体超过接口上限：营业执照约 9.4 MiB（7 MiB 图片的 Base64），批量接口 50 张 10 MiB 图片，且不超过服务端 MAX_BODY_BYTES",
  },
  40029: { http: 429, message: "请求过于频繁", doc: "超出应用 QPS 限制（令牌桶），按 Retry-After 响应头（秒）重试" },
  50000: { http: 500, message: "服务内部错误", doc: "服务内部错误" },
  50001: { http: 404, message: "服务未注册", doc: "未知的 API ID（/v1/aiop/api/ 之后的路径段）" },
  50002: { http: 403, message: "应用未开通", doc: "应用未开通该能力" },
  50003: { http: 404, message: "API 中无效的 URL 请求", doc: "营业执照接口：API ID 正确但路径错误" },
  // Overload or a dependency briefly unavailable: nothing charged, retry after Retry-After.
  50010: {
    http: 503,
    message: "服务繁忙，请稍后重试",
    doc: "服务实例已满载（处理中的图片数或其内存、读取中的请求体字节已达上限）或数据库、限流/防重放存储暂不可用；立即返回、不计费，按 Retry-After 响应头（秒）重试",
    details: {
      database: "database unavailable",
      bodyBudget: "request body budget full",
      ocrBudget: "OCR work in flight at its limit",
      replayGuard: "replay guard unavailable",
      rateLimiter: "rate limiter unavailable",
    },
  },
  51001: { http: 403, message: "购买服务已过期", doc: "资源包已过期" },
  51002: { http: 403, message: "收费 API 未购买", doc: "收费能力没有资源包" },
  51003: { http: 403, message: "API 可用次数已不足", doc: "资源包次数已用完，或剩余次数少于本次请求的图片数" },
} as const satisfies Record<number, GatewayErrorRow>;

export type GatewayErrorCode = keyof typeof GATEWAY_ERRORS;
export type ServiceBusyReason = keyof (typeof GATEWAY_ERRORS)[50010]["details"];

/** A failure answered in the gateway shape. Thrown by pipeline steps, serialized once at the edge. */
export class GatewayError extends Error {
  constructor(
    readonly code: GatewayErrorCode,
    readonly options: { http?: number; headers?: Record<string, string>; details?: string } = {},
  ) {
    super(`EOP_${code}`);
    this.name = "GatewayError";
  }

  get httpStatus(): number {
    return this.options.http ?? GATEWAY_ERRORS[this.code].http;
  }

  toJSON() {
    return {
      statusCode: this.code,
      message: GATEWAY_ERRORS[this.code].message,
      error: `EOP_${this.code}`,
      ...(this.options.details ? { details: this.options.details } : {}),
    };
  }

  toResponse(): Response {
    return Response.json(this.toJSON(), { status: this.httpStatus, headers: this.options.headers });
  }
}

/** 503/50010 with a Retry-After of at least one whole second (contract §Gateway failures). */
export const serviceBusy = (retryAfterSeconds: number, reason: ServiceBusyReason) =>
  new GatewayError(50010, {
    headers: { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    details: GATEWAY_ERRORS[50010].details[reason],
  });
