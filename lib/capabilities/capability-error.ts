// Capability error shape (contract §Whole-request failures):
// {statusCode, message: "error", details: <错误描述>, error: "AI_OP_<code>"}; the business licence puts
// its 错误信息 text in `message`. Per-image failures are values: {err_code, err_msg}.

export interface CapabilityErrorText {
  /** 错误信息 column of the seed's table. */
  message: string;
  /** 错误描述 column of the seed's table. */
  details: string;
  /** HTTP status when it is not the family rule (4xx codes → 400, 5xx → 500), e.g. 405 for the method code. */
  http?: number;
  /**
   * "request" (default): the whole request fails with this answer. "image": a batch element
   * `{err_code, err_msg}` inside a 200 answer. "both": the internal code, either way.
   */
  scope?: "request" | "image" | "both";
}

/** The HTTP status a whole-request answer with this code carries. */
export const capabilityHttpStatus = (text: Pick<CapabilityErrorText, "http">, code: number): number =>
  text.http ?? (String(code).startsWith("5") ? 500 : 400);

export interface CapabilityErrorFamily {
  codes: Readonly<Record<number, CapabilityErrorText>>;
  /** "error": message is the literal "error"; "text": message is the 错误信息 text (business licence). */
  messageStyle: "error" | "text";
  /** Answered when recognition fails unexpectedly (500001 / 5000). */
  internalCode: number;
}

export class CapabilityError extends Error {
  constructor(
    readonly family: CapabilityErrorFamily,
    readonly code: number,
  ) {
    super(`AI_OP_${code}`);
    this.name = "CapabilityError";
  }

  get httpStatus(): number {
    return capabilityHttpStatus(errorText(this.family, this.code), this.code);
  }

  toJSON() {
    const text = errorText(this.family, this.code);
    return {
      statusCode: this.code,
      message: this.family.messageStyle === "error" ? "error" : text.message,
      details: text.details,
      error: `AI_OP_${this.code}`,
    };
  }

  toResponse(): Response {
    return Response.json(this.toJSON(), { status: this.httpStatus });
  }
}

export interface PerImageError {
  err_code: number;
  err_msg: string;
}

/** The element standing in for a failed image inside a 200 batch answer (seed example: 4008 base64数据处理异常). */
export function perImageError(family: CapabilityErrorFamily, code: number): PerImageError {
  return { err_code: code, err_msg: errorText(family, code).message };
}

export function errorText(family: CapabilityErrorFamily, code: number): CapabilityErrorText {
  const text = family.codes[code];
  if (!text) throw new Error(`No text for capability code ${code}`);
  return text;
}
