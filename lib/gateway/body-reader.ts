import "server-only";

import { createHash } from "node:crypto";

import { GatewayError, serviceBusy } from "@/lib/errors/gateway-errors";
import type { InFlightBudget, Lease } from "@/lib/gateway/in-flight-budget";

// Request bodies are read as a stream with a byte counter, so an oversized upload is refused
// (HTTP 413, EOP 40013) as soon as it crosses the limit instead of being buffered whole. The
// bytes land in one buffer (no chunk list + join) and are hashed as they arrive, and every byte
// held counts against the instance's in-flight body budget (503/50010 past it).

/** Seconds a client is asked to wait when the body budget is full: bodies drain within seconds. */
const BODY_BUSY_RETRY_SECONDS = 1;

export interface Body {
  bytes: Uint8Array;
  /** Lower-case hex sha256 of `bytes`, computed while streaming (the signature covers it). */
  sha256: string;
}

// Resizable ArrayBuffers (ES2024, Node ≥ 20) grow in place; the project's TS lib is ES2023.
type GrowableBuffer = ArrayBuffer & { resize(byteLength: number): void };
const growableBuffer = (maxByteLength: number): GrowableBuffer =>
  new (ArrayBuffer as unknown as new (length: number, options: { maxByteLength: number }) => GrowableBuffer)(0, { maxByteLength });

const declaredLength = (headers: Headers): number | null => {
  const value = headers.get("content-length");
  const declared = value === null ? NaN : Number(value);
  return Number.isSafeInteger(declared) && declared >= 0 ? declared : null;
};

/** Refuses up front when the client declares a body above the limit. */
export function assertDeclaredLengthWithin(headers: Headers, maxBytes: number): void {
  const declared = declaredLength(headers);
  if (declared !== null && declared > maxBytes) throw new GatewayError(40013, "overLimit", { values: { limit: maxBytes } });
}

/**
 * Reserves the declared Content-Length (0 for a chunked body, which grows its lease as it
 * streams) before a byte is read; 503/50010 when it does not fit. The caller releases the lease
 * once the request is answered: the body is held until then.
 */
export function reserveBody(headers: Headers, budget: InFlightBudget): Lease {
  const lease = budget.tryAcquire(0, declaredLength(headers) ?? 0);
  if (!lease) throw serviceBusy(BODY_BUSY_RETRY_SECONDS, "bodyBudget");
  return lease;
}

/**
 * Reads the body into a single buffer, hashing as it goes. With a Content-Length the buffer is
 * allocated once at that size; without one it is a resizable buffer that grows in place up to
 * the limit. Bytes beyond what the lease holds are added to it first (503 when the budget is full).
 */
export async function readBodyWithLimit(req: Request, maxBytes: number, lease: Lease): Promise<Body> {
  const hash = createHash("sha256");
  if (!req.body) return { bytes: new Uint8Array(0), sha256: hash.digest("hex") };
  const declared = declaredLength(req.headers);
  const buffer = declared === null ? growableBuffer(maxBytes) : new ArrayBuffer(declared);
  let reserved = declared ?? 0;
  let total = 0;
  const reader = req.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const end = total + value.byteLength;
      if (end > maxBytes || (declared !== null && end > declared))
        throw new GatewayError(40013, "overLimit", { values: { limit: maxBytes } });
      if (end > reserved) {
        if (!lease.grow(end - reserved)) throw serviceBusy(BODY_BUSY_RETRY_SECONDS, "bodyBudget");
        reserved = end;
      }
      // Only the growable buffer can be short: a declared length caps `end` above.
      if (end > buffer.byteLength) (buffer as GrowableBuffer).resize(end);
      new Uint8Array(buffer, total, value.byteLength).set(value);
      hash.update(value);
      total = end;
    }
  } catch (err) {
    await reader.cancel().catch(() => undefined);
    throw err;
  }
  return { bytes: new Uint8Array(buffer, 0, total), sha256: hash.digest("hex") };
}
