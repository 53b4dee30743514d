// Gateway (EOP) error codes: the seed's global table (§4.1.3) plus the contract's 40013, 40029 and
// 50010. Shape: {statusCode, message, error: "EOP_<code>"}, plus a `details` string naming the
// check that failed (the contract allows it; the three contract fields never change), so a
// developer can tell a signature mismatch from a stale eop-date or a reused request id.
// This table is what the server answers from and what the console docs and /api/openapi.json show.

export interface GatewayErrorRow {
  http: number;
  /** The served `message`. */
  message: string;
  /** When the code is answered (console docs, OpenAPI); never served. */
  doc: string;
  /** Other HTTP statuses the same code is answered with (40008: 415 for a non-JSON Content-Type). */
  alsoHttp?: readonly number[];
  /**
   * The served `details` texts, by reason. `{name}` is filled from the error's values (the docs
   * show them filled with DETAIL_EXAMPLES).
   */
  details: Readonly<Record<string, string>>;
  /** A reason answered with another HTTP status than `http` (one of alsoHttp). */
  detailHttp?: Readonly<Record<string, number>>;
}

export const GATEWAY_ERRORS = {
  10002: {
    http: 401,
    message: "生成签名时官网 ak 信息错误",
    doc: "AccessKey 不存在或已禁用",
    details: { unknownKey: "access key {accessKey} not found", disabledKey: "access key {accessKey} is disabled" },
  },
  10020: {
    http: 401,
    message: "签名错误",
    doc: "签名不匹配；Eop-Authorization 缺失、格式错误或超过 4096 字节；签名头名称非法；ctyun-eop-request-id 为空或超过 128 字符；eop-date 超出允许范围；请求 ID 重复",
    details: {
      authorizationMissing: "Eop-Authorization header missing",
      authorizationTooLong: "Eop-Authorization over 4096 bytes",
      authorizationMalformed:
        "Eop-Authorization malformed: expected <AccessKey> Headers=<h1;h2> Signature=<base64>, header names as in RFC 9110",
      requestIdInvalid: "ctyun-eop-request-id empty or over 128 characters",
      requiredHeadersUnsigned: "signed headers must include ctyun-eop-request-id and eop-date",
      signedHeaderMissing: "signed header {header} was not sent",
      signatureMismatch: "signature mismatch: the string to sign or the SecretKey differs from the server's",
      dateMalformed: "eop-date missing or not yyyymmddTHHMMSSZ",
      dateOutsideWindow: "eop-date outside the accepted window (±{skew} min) by {minutes} min",
      requestIdReused: "ctyun-eop-request-id already used with this access key",
    },
  },
  40002: { http: 401, message: "缺少 appkey 头", doc: "请求头缺少 appkey", details: { missing: "appkey header missing" } },
  40006: {
    http: 401,
    message: "无效的 appkey",
    doc: "AppKey 不存在或不属于该 AccessKey 的账号",
    details: { unknown: "appkey not found", foreign: "appkey belongs to another account than the access key" },
  },
  // 405 for a wrong method; an unsupported Content-Type answers 415 (see handle-request.ts).
  40008: {
    http: 405,
    message: "不支持的请求类型",
    doc: "营业执照接口使用了 POST 以外的方法（HTTP 405）；任一接口的 Content-Type 不是 JSON（HTTP 415）",
    alsoHttp: [415],
    details: { method: "method not allowed: POST only", contentType: "Content-Type {type} is not JSON" },
    detailHttp: { contentType: 415 },
  },
  40009: {
    http: 403,
    message: "IP 未被 APP 授权",
    doc: "调用方 IP 不在应用的 IP 白名单中",
    details: { notAllowed: "client IP {ip} is not on the app's IP allow-list" },
  },
  40010: {
    http: 403,
    message: "IP 未被 API 授权",
    doc: "调用方 IP 未被该 API 授权",
    details: { notAllowed: "client IP {ip} is not allowed for this API" },
  },
  40013: {
    http: 413,
    message: "请求体过大",
    doc: "请求体超过接口上限：营业执照约 9.4 MiB（7 MiB 图片的 Base64），批量接口 50 张 10 MiB 图片，且不超过服务端 MAX_BODY_BYTES",
    details: { overLimit: "request body over {limit} bytes" },
  },
  40029: {
    http: 429,
    message: "请求过于频繁",
    doc: "超出应用 QPS 限制（令牌桶），按 Retry-After 响应头（秒）重试",
    details: { bucketEmpty: "app QPS limit {qps} reached" },
  },
  50000: {
    http: 500,
    message: "服务内部错误",
    doc: "服务内部错误",
    details: { internal: "internal error", reservationExpired: "reservation expired before settlement" },
  },
  50001: {
    http: 404,
    message: "服务未注册",
    doc: "未知的 API ID（/v1/aiop/api/ 之后的路径段）",
    details: { unknownApi: "unknown API id" },
  },
  50002: {
    http: 403,
    message: "应用未开通",
    doc: "应用未开通该能力",
    details: { notOpened: "capability {capability} not opened for this app" },
  },
  50003: {
    http: 404,
    message: "API 中无效的 URL 请求",
    doc: "营业执照接口：API ID 正确但路径错误",
    details: { unknownPath: "unknown path for this API id" },
  },
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
  51001: { http: 403, message: "购买服务已过期", doc: "资源包已过期", details: { expired: "every {capability} pack has expired" } },
  51002: { http: 403, message: "收费 API 未购买", doc: "收费能力没有资源包", details: { noPack: "no {capability} pack" } },
  51003: {
    http: 403,
    message: "API 可用次数已不足",
    doc: "资源包次数已用完，或剩余次数少于本次请求的图片数",
    details: {
      usedUp: "no {capability} calls left",
      fewerThanImages: "fewer {capability} calls left than the {images} images of this request",
    },
  },
} as const satisfies Record<number, GatewayErrorRow>;

/** Values the docs fill the `details` templates with (the examples are then exact answers). */
export const DETAIL_EXAMPLES: Readonly<Record<string, string | number>> = {
  accessKey: "4a1c…e9",
  header: "appkey",
  skew: 15,
  minutes: 32,
  type: "text/plain",
  ip: "203.0.113.7",
  limit: 9830400,
  qps: 5,
  capability: "general",
  images: 3,
};

export type GatewayErrorCode = keyof typeof GATEWAY_ERRORS;
export type GatewayErrorReason<C extends GatewayErrorCode> = C extends GatewayErrorCode
  ? keyof (typeof GATEWAY_ERRORS)[C]["details"] & string
  : never;
export type ServiceBusyReason = GatewayErrorReason<50010>;

/** A details template with its `{name}` placeholders filled (a value not given stays as written). */
export const fillDetails = (template: string, values: Readonly<Record<string, string | number>>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** An access key shortened for a details text: enough to recognise one's own key, never the whole value. */
export const abbreviateKey = (key: string) => (key.length > 8 ? `${key.slice(0, 4)}…${key.slice(-2)}` : key);

/** A failure answered in the gateway shape. Thrown by pipeline steps, serialized once at the edge. */
export class GatewayError<C extends GatewayErrorCode = GatewayErrorCode> extends Error {
  /** The served `details`: the reason's text with its values filled in. */
  readonly details: string;

  constructor(
    readonly code: C,
    readonly reason: GatewayErrorReason<C>,
    readonly options: { http?: number; headers?: Record<string, string>; values?: Readonly<Record<string, string | number>> } = {},
  ) {
    super(`EOP_${code}`);
    this.name = "GatewayError";
    const row: GatewayErrorRow = GATEWAY_ERRORS[code];
    this.details = fillDetails(row.details[reason]!, options.values ?? {});
  }

  get httpStatus(): number {
    const row: GatewayErrorRow = GATEWAY_ERRORS[this.code];
    return this.options.http ?? row.detailHttp?.[this.reason] ?? row.http;
  }

  toJSON() {
    return { statusCode: this.code, message: GATEWAY_ERRORS[this.code].message, error: `EOP_${this.code}`, details: this.details };
  }

  toResponse(): Response {
    return Response.json(this.toJSON(), { status: this.httpStatus, headers: this.options.headers });
  }
}

/** 503/50010 with a Retry-After of at least one whole second (contract §Gateway failures). */
export const serviceBusy = (retryAfterSeconds: number, reason: ServiceBusyReason) =>
  new GatewayError(50010, reason, { headers: { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))) } });
