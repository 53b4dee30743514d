import type { CapabilityError } from "@/lib/capabilities/capability-error";

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
