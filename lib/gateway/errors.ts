// Gateway (EOP) error codes: the seed's global table (§4.1.3) plus the contract's 40013, 40029 and
// 50010. Shape: {statusCode, message, error: "EOP_<code>"}, plus an optional `details` string
// naming the check that failed (the contract allows it; the three contract fields never change).

export const GATEWAY_ERRORS = {
  10002: { http: 401, message: "生成签名时官网 ak 信息错误" },
  10020: { http: 401, message: "签名错误" },
  40002: { http: 401, message: "缺少 appkey 头" },
  40006: { http: 401, message: "无效的 appkey" },
  // 405 for a wrong method; an unsupported Content-Type answers 415 (see handle-request.ts).
  40008: { http: 405, message: "不支持的请求类型" },
  40009: { http: 403, message: "IP 未被 APP 授权" },
  40010: { http: 403, message: "IP 未被 API 授权" },
  40013: { http: 413, message: "请求体过大" },
  40029: { http: 429, message: "请求过于频繁" },
  50000: { http: 500, message: "服务内部错误" },
  50001: { http: 404, message: "服务未注册" },
  50002: { http: 403, message: "应用未开通" },
  50003: { http: 404, message: "API 中无效的 URL 请求" },
  // Overload or a dependency (database) briefly unavailable: nothing charged, retry after Retry-After.
  50010: { http: 503, message: "服务繁忙，请稍后重试" },
  51001: { http: 403, message: "购买服务已过期" },
  51002: { http: 403, message: "收费 API 未购买" },
  51003: { http: 403, message: "API 可用次数已不足" },
} as const satisfies Record<number, { http: number; message: string }>;

export type GatewayErrorCode = keyof typeof GATEWAY_ERRORS;

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

  toResponse(): Response {
    const body = {
      statusCode: this.code,
      message: GATEWAY_ERRORS[this.code].message,
      error: `EOP_${this.code}`,
      ...(this.options.details ? { details: this.options.details } : {}),
    };
    return Response.json(body, { status: this.httpStatus, headers: this.options.headers });
  }
}

/** 503/50010 with a Retry-After of at least one whole second (contract §Gateway failures). */
export const serviceBusy = (retryAfterSeconds: number, details?: string) =>
  new GatewayError(50010, { headers: { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))) }, details });
