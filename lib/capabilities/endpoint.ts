import type { ZodType } from "zod";

import type { CapabilityError, CapabilityErrorFamily } from "@/lib/capabilities/capability-error";
import type { CapabilityId } from "@/lib/capabilities/catalog";
import type { GatewayError } from "@/lib/errors/gateway-errors";

// What the gateway needs from a capability: ordered body checks, then a run that yields the answer.

export interface CapabilityOutcome {
  httpStatus: number;
  body: unknown;
  /** Images recognised; the calls charged. */
  successCount: number;
  failCount: number;
}

export interface RunContext {
  requestId: string;
  /** The request's query string: opt-ins that the body cannot carry (the licence body allows no extra keys). */
  query: URLSearchParams;
}

/** A body that passed the capability's whole-request checks. */
export interface ValidRequest {
  /** Images in the request: the calls reserved before recognition. */
  imageCount: number;
  /** Bytes its images will hold at once once admitted, estimated from their headers. */
  imageBytes: number;
  run(context: RunContext): Promise<CapabilityOutcome>;
}

export type ParseResult = { ok: true; request: ValidRequest } | { ok: false; error: CapabilityError };

/**
 * One capability's API as the gateway serves it and the docs describe it. Each capability folder
 * exports one (`<folder>/endpoint.ts`); lib/capabilities/endpoints.ts lists them.
 */
export interface CapabilityEndpoint {
  capability: CapabilityId;
  family: CapabilityErrorFamily;
  /** Known API id, unknown rest of the path. */
  pathError: () => CapabilityError | GatewayError;
  /** Any method but POST (HTTP 405). */
  methodError: () => CapabilityError | GatewayError;
  /** Largest body the endpoint can need (its images at their size limit, in base64); MAX_BODY_BYTES caps it further. */
  maxBodyBytes: number;
  /** The capability's ordered whole-request body checks. */
  parse: (body: Uint8Array) => ParseResult;
  /** The request and answer as documented (OpenAPI, console docs); `parse` is what enforces the request. */
  contract: EndpointContract;
}

export interface EndpointContract {
  /** The JSON body, opt-in keys included (zod, rendered to JSON Schema). */
  request: ZodType;
  /** A success answer (HTTP 200). */
  response: ZodType;
  /** Opt-in query parameters (signed like any query). */
  query?: { name: string; description: string }[];
}
