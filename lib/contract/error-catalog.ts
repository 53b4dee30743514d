import "server-only";

import { CapabilityError, perImageError } from "@/lib/capabilities/capability-error";
import type { CapabilityId } from "@/lib/capabilities/catalog";
import type { CapabilityEndpoint } from "@/lib/capabilities/endpoint";
import { ENDPOINTS } from "@/lib/capabilities/endpoints";
import { DETAIL_EXAMPLES, GATEWAY_ERRORS, GatewayError, type GatewayErrorCode, type GatewayErrorRow } from "@/lib/errors/gateway-errors";

// Every code the server answers, as rows built from the tables it answers from
// (lib/errors/gateway-errors.ts, lib/capabilities/<id>/errors.ts). The console docs page and
// /api/openapi.json render these rows; `body` is the exact JSON the server sends.

export interface ErrorRow {
  code: number;
  /** "AI_OP_<code>" / "EOP_<code>": the `error` field, also the example key in the OpenAPI document. */
  error: string;
  /** HTTP status of the answer (200 for a failed image inside a batch answer). */
  http: number;
  /** "request": the whole answer; "image": one `returnObj` element `{err_code, err_msg}` of a 200 batch answer. */
  scope: "request" | "image";
  /** The 错误信息 text of the table (a batch endpoint serves it as `err_msg`, and `message: "error"` for a whole request). */
  title: string;
  /** The served `message` (per image: `err_msg`). */
  message: string;
  /** The served `details`, when the answer has one. */
  details?: string;
  /** What the code means, for readers (the served 错误描述 for capability codes). */
  doc: string;
  /** What the server sends: the whole answer, or the batch element. */
  body: Record<string, unknown>;
}

/** The capability's own codes (its family table), whole-request and per image. */
export function capabilityErrorRows(id: CapabilityId): ErrorRow[] {
  const { family } = ENDPOINTS[id];
  return Object.entries(family.codes).flatMap(([key, text]) => {
    const code = Number(key);
    const scopes = text.scope === "both" ? (["request", "image"] as const) : [text.scope ?? "request"];
    return scopes.map((scope): ErrorRow => {
      if (scope === "image") {
        const element = perImageError(family, code);
        return {
          code,
          error: `AI_OP_${code}`,
          http: 200,
          scope,
          title: text.message,
          message: element.err_msg,
          doc: text.details,
          body: { ...element },
        };
      }
      const error = new CapabilityError(family, code);
      const body = error.toJSON();
      return {
        code,
        error: body.error,
        http: error.httpStatus,
        scope,
        title: text.message,
        message: body.message,
        details: body.details,
        doc: body.details,
        body,
      };
    });
  });
}

/**
 * Gateway codes: one row per HTTP status a code is answered with, and one per `details` text.
 * For a capability: without the rows that are another endpoint's path/method codes (the licence
 * answers 50003 and 40008/405 in the gateway shape; the batch endpoints have codes of their own).
 */
export function gatewayErrorRows(id?: CapabilityId): ErrorRow[] {
  const foreign = id ? foreignGatewayCodes(id) : [];
  return allGatewayRows().filter((row) => !foreign.some((f) => f.code === row.code && f.httpStatus === row.http));
}

function foreignGatewayCodes(id: CapabilityId): GatewayError[] {
  const codesOf = (endpoint: CapabilityEndpoint) =>
    [endpoint.pathError(), endpoint.methodError()].filter((e): e is GatewayError => e instanceof GatewayError);
  const own = codesOf(ENDPOINTS[id]);
  return Object.values(ENDPOINTS)
    .flatMap(codesOf)
    .filter((e) => !own.some((o) => o.code === e.code && o.httpStatus === e.httpStatus));
}

function allGatewayRows(): ErrorRow[] {
  return (Object.entries(GATEWAY_ERRORS) as [string, GatewayErrorRow][]).flatMap(([key, row]) => {
    const code = Number(key) as GatewayErrorCode;
    const ownStatus = new Set(Object.values(row.detailHttp ?? {}));
    const shared = [row.http, ...(row.alsoHttp ?? [])].filter((http) => !ownStatus.has(http));
    // One row per reason and HTTP status it is answered with; templates filled with the documented examples.
    return Object.keys(row.details).flatMap((reason) =>
      (row.detailHttp?.[reason] ? [row.detailHttp[reason]] : shared).map((http): ErrorRow => {
        const body = new GatewayError(code, reason as never, { http, values: DETAIL_EXAMPLES }).toJSON();
        return {
          code,
          error: body.error,
          http,
          scope: "request",
          title: row.message,
          message: body.message,
          details: body.details,
          doc: row.doc,
          body,
        };
      }),
    );
  });
}
