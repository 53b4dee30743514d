import "server-only";

import type { Logger } from "pino";

import { eopClientUtcOffsetMinutes, env } from "@/lib/env";
import { CapabilityError } from "@/lib/capabilities/capability-error";
import { getCapabilityDef } from "@/lib/capabilities/catalog";
import type { CapabilityOutcome } from "@/lib/capabilities/endpoint";
import { isSuccessfulCall } from "@/lib/data/call-rollups";
import { mergeFailedCall } from "@/lib/data/merged-calls";
import { type CallImageError, type CallRecordInput, checkQuota, reserveQuota, settleCall, type Reservation } from "@/lib/data/metering";
import { abandonReservation } from "@/lib/data/reservation-recovery";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/lib/db-faults";
import { admitOcrWork, bodyBudget } from "@/lib/gateway/admission";
import { assertDeclaredLengthWithin, readBodyWithLimit, reserveBody } from "@/lib/gateway/body-reader";
import { resolveClientIp } from "@/lib/gateway/client-ip";
import { getGatewayApp, getSigningKey, touchAccessKey, type GatewayApp } from "@/lib/data/gateway-credentials";
import {
  eopDateAcceptableUntil,
  type EopDateWindow,
  isEopDateAcceptable,
  minutesOutsideWindow,
  parseEopDate,
} from "@/lib/gateway/eop-date";
import { checkEopSignature, MAX_AUTHORIZATION_LENGTH, parseEopAuthorization } from "@/lib/gateway/eop-signature";
import { abbreviateKey, GatewayError, serviceBusy } from "@/lib/errors/gateway-errors";
import { failureRecords } from "@/lib/gateway/failure-recording";
import type { Lease } from "@/lib/gateway/in-flight-budget";
import { isIpAllowed } from "@/lib/gateway/ip-allow-list";
import { takeAppToken } from "@/lib/gateway/rate-limit";
import { isUsableRequestId, spendRequestId } from "@/lib/gateway/replay-guard";
import { type CapabilityEndpoint, matchRoute } from "@/lib/gateway/routes";
import { PATH_VARIANT_HEADER } from "@/lib/net/entry-point.mjs";
import { observeApiCall } from "@/lib/observability/api-call";
import { requestLogger } from "@/lib/observability/logger";
import { recordStage, type StageTimes, timeStage, withStageTimes } from "@/lib/observability/stage-times";

/*
 * The public gateway. Steps run in the contract's order (API.md §Order of checks); the first
 * failure answers:
 *   1. route: unknown API id → 50001; known id, unknown rest of path → the capability's path code,
 *      also for a variant of a known path (`//`, trailing `/`: scripts/server.mjs marks those)
 *   2. method other than POST → the capability's method code (HTTP 405)
 *   3. Content-Type sent and not JSON → 40008 (HTTP 415); an absent Content-Type is accepted
 *   4. Content-Length above the endpoint's limit (≤ MAX_BODY_BYTES) → 40013 (HTTP 413), without reading the body
 *   5. `appkey` header missing → 40002
 *   6. signature: Eop-Authorization missing/malformed (over 4096 bytes, signed names that are not
 *      header names) → 10020; AK unknown or disabled → 10002; request id empty or over 128 → 10020;
 *      body bytes reserved in the instance's body budget (503/50010 when full), then read as a
 *      counted, hashed stream (40013 past the limit, 503/50010 once a chunked body outgrows the budget); signature, eop-date
 *      window, request id not yet spent → 10020. The id is spent as soon as the signature verifies.
 *   7. appkey unknown or another user's app → 40006
 *   8. client IP not on the app's allow-list → 40009
 *   9. capability not opened for the app → 50002
 *  10. app's token bucket empty → 40029 (HTTP 429, Retry-After)
 *  11. paid capability: no pack → 51002, none valid now → 51001, none left → 51003
 *  12. body checks → the capability's codes
 *  13. admission: the images and the bytes they will hold fit the instance's OCR budget → else
 *      503/50010 with Retry-After, before anything is charged
 *  14. reserve one call per image (paid capabilities) → 51003 when fewer remain
 *  15. recognition
 *  16. metering, always once the app is known: release unused calls and record the call
 * A failure before step 7 is recorded too when its `appkey` names an app and the access key (when
 * known) belongs to that app's owner, so a developer sees their bad signatures in the call log.
 * Uncharged failures are written one row each within a rate and merged past it (failure-recording.ts).
 * Every gateway error carries `details` naming the check that failed.
 * The database being unavailable (locked, read-only, unreachable) at any step answers 50010 (HTTP
 * 503, Retry-After) at once. A settlement that still fails after its retries answers 50010 too,
 * never the recognition result: the reservation is then released by the sweeper, with a record.
 */

interface CallState {
  requestId: string;
  startedMs: number;
  /** Monotonic start, for stage times (Server-Timing, metrics). */
  startedAt: number;
  log: Logger;
  clientIp: string;
  endpoint?: CapabilityEndpoint;
  /** The `appkey` header, once the route is known: a failure before the appkey step is recorded for its app. */
  appKey?: string;
  /** Owner of the access key the request was signed with, once that key is found. */
  signerUserId?: string;
  /** Known once the appkey step passed (or attributed after an earlier failure); then the answer is recorded. */
  app?: GatewayApp;
  requestBytes: number;
  imageCount: number;
  reservation: Reservation | null;
  outcome?: CapabilityOutcome;
  /** Once body checks passed, unexpected errors answer in the capability's family (500001 / 5000). */
  inCapability: boolean;
  /** Body bytes and OCR work held in the instance's budgets; released once answered. */
  leases: Lease[];
}

const dateWindow = (): EopDateWindow => ({ skewMinutes: env.EOP_DATE_SKEW_MINUTES, clientUtcOffsetMinutes: eopClientUtcOffsetMinutes });

export async function handleGatewayRequest(req: Request): Promise<Response> {
  const requestId = req.headers.get("ctyun-eop-request-id") ?? "";
  const call: CallState = {
    requestId,
    startedMs: Date.now(),
    startedAt: performance.now(),
    log: requestLogger(requestId),
    clientIp: resolveClientIp(req.headers),
    requestBytes: 0,
    imageCount: 0,
    reservation: null,
    inCapability: false,
    leases: [],
  };
  return withStageTimes(async (times) => {
    let response: Response;
    try {
      response = await runPipeline(req, call);
    } catch (err) {
      response = errorResponse(err, call);
    } finally {
      for (const lease of call.leases) lease.release();
    }
    if (!times.has("gateway")) times.add("gateway", performance.now() - call.startedAt);
    call.app ??= await attributeFailure(call);
    if (call.app) response = await timeStage("metering", () => meter(call, response, times));
    const totalMs = performance.now() - call.startedAt;
    return observeApiCall({ capability: call.endpoint?.capability ?? "none", response, times, totalMs, log: call.log });
  });
}

async function runPipeline(req: Request, call: CallState): Promise<Response> {
  const endpoint = resolveEndpoint(req, call);
  assertJsonContentType(req.headers);
  assertDeclaredLengthWithin(req.headers, maxBodyBytes(endpoint));
  const appKey = call.appKey;
  if (!appKey) throw new GatewayError(40002, "missing");

  const { userId, body } = await authenticate(req, call);
  const app = await getGatewayApp(appKey);
  if (!app) throw new GatewayError(40006, "unknown");
  if (app.userId !== userId) throw new GatewayError(40006, "foreign");
  call.app = app;
  const capability = { capability: endpoint.capability };
  if (!isIpAllowed(call.clientIp, app.ipAllowList)) throw new GatewayError(40009, "notAllowed", { values: { ip: call.clientIp } });
  if (!app.capabilities.includes(endpoint.capability)) throw new GatewayError(50002, "notOpened", { values: capability });
  const token = await takeAppToken(app.id, app.qpsLimit);
  if (!token.ok)
    throw new GatewayError(40029, "bucketEmpty", {
      headers: { "Retry-After": String(token.retryAfterSeconds) },
      values: { qps: app.qpsLimit },
    });

  const paid = getCapabilityDef(endpoint.capability).paid;
  if (paid) {
    const quota = await checkQuota({ userId, capabilityId: endpoint.capability, now: new Date() });
    if (!quota.ok) throw quotaError(quota.code, capability);
  }
  const parsed = endpoint.parse(body);
  if (!parsed.ok) throw parsed.error;
  call.imageCount = parsed.request.imageCount;
  call.leases.push(admitOcrWork(parsed.request.imageCount, parsed.request.imageBytes));
  if (paid) {
    call.reservation = await reserveQuota({
      userId,
      appId: app.id,
      capabilityId: endpoint.capability,
      requestId: call.requestId,
      clientIp: call.clientIp,
      calls: call.imageCount,
      now: new Date(),
    });
    if (!call.reservation) throw new GatewayError(51003, "fewerThanImages", { values: { ...capability, images: call.imageCount } });
  }

  call.inCapability = true;
  recordStage("gateway", performance.now() - call.startedAt);
  const outcome = await parsed.request.run({ requestId: call.requestId, query: new URL(req.url).searchParams });
  call.outcome = outcome;
  return Response.json(outcome.body, { status: outcome.httpStatus });
}

const maxBodyBytes = (endpoint: CapabilityEndpoint) => Math.min(env.MAX_BODY_BYTES, endpoint.maxBodyBytes);

/** Sets the call's endpoint and appkey as soon as the API id is known (path and method errors are then attributable). */
function resolveEndpoint(req: Request, call: CallState): CapabilityEndpoint {
  const match = matchRoute(new URL(req.url).pathname);
  if (match.kind === "unknown-api") throw new GatewayError(50001, "unknownApi");
  call.endpoint = match.endpoint;
  call.appKey = req.headers.get("appkey")?.trim() || undefined;
  if (match.kind === "unknown-path" || req.headers.has(PATH_VARIANT_HEADER)) throw match.endpoint.pathError();
  if (req.method !== "POST") throw match.endpoint.methodError();
  return match.endpoint;
}

const QUOTA_REASONS = { 51001: "expired", 51002: "noPack", 51003: "usedUp" } as const;
const quotaError = (code: 51001 | 51002 | 51003, values: { capability: string }) =>
  code === 51001
    ? new GatewayError(51001, QUOTA_REASONS[51001], { values })
    : code === 51002
      ? new GatewayError(51002, QUOTA_REASONS[51002], { values })
      : new GatewayError(51003, QUOTA_REASONS[51003], { values });

/** The API takes JSON only; a client that declares another type gets the seed's 40008 as 415. */
function assertJsonContentType(headers: Headers) {
  const type = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type && type !== "application/json" && !type.endsWith("+json"))
    throw new GatewayError(40008, "contentType", { values: { type: type.slice(0, 100) } });
}

/** Step 6. Returns the AK owner and the raw body the signature covered. */
async function authenticate(req: Request, call: CallState): Promise<{ userId: string; body: Uint8Array }> {
  const header = req.headers.get("eop-authorization") ?? "";
  const authorization = parseEopAuthorization(header);
  if (!authorization) throw new GatewayError(10020, unparsedAuthorizationReason(header));
  const key = await getSigningKey(authorization.accessKey);
  const accessKey = { accessKey: abbreviateKey(authorization.accessKey) };
  if (!key) throw new GatewayError(10002, "unknownKey", { values: accessKey });
  call.signerUserId = key.userId;
  if ("disabled" in key) throw new GatewayError(10002, "disabledKey", { values: accessKey });
  const requestId = req.headers.get("ctyun-eop-request-id") ?? "";
  if (!isUsableRequestId(requestId)) throw new GatewayError(10020, "requestIdInvalid");

  const lease = reserveBody(req.headers, bodyBudget);
  call.leases.push(lease);
  const body = await readBodyWithLimit(req, maxBodyBytes(call.endpoint!), lease);
  call.requestBytes = body.bytes.byteLength;
  const problem = checkEopSignature({
    authorization,
    secretKey: key.secretKey,
    header: (name) => req.headers.get(name),
    rawQuery: new URL(req.url).search,
    body: { sha256: body.sha256 },
  });
  if (problem?.reason === "signedHeaderMissing")
    throw new GatewayError(10020, "signedHeaderMissing", { values: { header: problem.header.slice(0, 100) } });
  if (problem) throw new GatewayError(10020, problem.reason);

  // Contract: the id is spent once the signature verifies, whatever happens next (date check
  // included); it is remembered while its eop-date could still be accepted.
  const dateMs = parseEopDate(req.headers.get("eop-date") ?? "");
  const nowMs = Date.now();
  const rememberUntil = dateMs === null ? nowMs : eopDateAcceptableUntil(dateMs, dateWindow());
  const fresh = await spendRequestId(key.accessKey, requestId, rememberUntil, nowMs);
  if (dateMs === null) throw new GatewayError(10020, "dateMalformed");
  if (!isEopDateAcceptable(dateMs, nowMs, dateWindow()))
    throw new GatewayError(10020, "dateOutsideWindow", {
      values: { skew: env.EOP_DATE_SKEW_MINUTES, minutes: minutesOutsideWindow(dateMs, nowMs, dateWindow()) },
    });
  if (!fresh) throw new GatewayError(10020, "requestIdReused");
  touchAccessKey(key.accessKey);
  return { userId: key.userId, body: body.bytes };
}

/** Why an Eop-Authorization value did not parse. */
const unparsedAuthorizationReason = (value: string) =>
  value.trim() === ""
    ? "authorizationMissing"
    : value.length > MAX_AUTHORIZATION_LENGTH
      ? "authorizationTooLong"
      : "authorizationMalformed";

/**
 * The app a call that failed before the appkey step is recorded for: the one its `appkey` names,
 * unless the request was signed with a known access key of another account (that is 40006's
 * case, and never someone else's log). Reading it must not change the answer: errors give none.
 */
async function attributeFailure(call: CallState): Promise<GatewayApp | undefined> {
  if (!call.appKey || !call.endpoint) return undefined;
  try {
    const app = await getGatewayApp(call.appKey);
    if (!app || (call.signerUserId !== undefined && call.signerUserId !== app.userId)) return undefined;
    return app;
  } catch (err) {
    call.log.warn({ err }, "app lookup for the call log failed");
    return undefined;
  }
}

/** The one catch at the edge: known errors serialize; anything else is logged and answered without internals. */
function errorResponse(err: unknown, call: CallState): Response {
  if (err instanceof GatewayError || err instanceof CapabilityError) return err.toResponse();
  if (isDatabaseUnavailable(err)) return databaseUnavailable().toResponse();
  call.log.error({ err }, "gateway request failed");
  if (call.inCapability && call.endpoint) return new CapabilityError(call.endpoint.family, call.endpoint.family.internalCode).toResponse();
  return new GatewayError(50000, "internal").toResponse();
}

const databaseUnavailable = () => serviceBusy(DATABASE_RETRY_AFTER_SECONDS, "database");

/** The longest request id a record keeps (a refused one may be longer). */
const MAX_RECORDED_REQUEST_ID = 128;

/**
 * Step 16. Settles the reservation and records the call, and returns the answer to send: the
 * response itself, or an error when the charge could not be settled (the client is never told
 * "success" for calls that are not billed consistently). A record that fails without a
 * reservation (nothing charged) is logged and the answer stands. An uncharged failure past the
 * recording rate is merged instead of written (failure-recording.ts).
 */
async function meter(call: CallState, response: Response, times: StageTimes): Promise<Response> {
  if (!call.app || !call.endpoint) return response;
  const text = await response.clone().text();
  const answer = readAnswer(text);
  const record: CallRecordInput = {
    userId: call.app.userId,
    appId: call.app.id,
    capabilityId: call.endpoint.capability,
    requestId: call.requestId.slice(0, MAX_RECORDED_REQUEST_ID),
    latencyMs: Date.now() - call.startedMs,
    requestBytes: call.requestBytes,
    responseBytes: Buffer.byteLength(text),
    imageCount: call.imageCount,
    successCount: call.outcome?.successCount ?? 0,
    failCount: call.outcome?.failCount ?? call.imageCount,
    httpStatus: response.status,
    statusCode: answer.statusCode,
    clientIp: call.clientIp,
    message: answer.message,
    details: answer.details,
    imageErrors: answer.imageErrors.length ? JSON.stringify(answer.imageErrors) : "",
    stages: JSON.stringify(Object.fromEntries(times.entries().map(([stage, ms]) => [stage, Math.round(ms * 10) / 10]))),
  };
  if (!call.reservation && !isSuccessfulCall(record) && !failureRecords.take(call.app.id)) {
    mergeFailedCall(record);
    return response;
  }
  try {
    const result = await settleCall({
      reservation: call.reservation,
      // The database already failed this request: one attempt, so the 503 stays fast.
      retryWindowMs: answer.statusCode === 50010 ? 0 : undefined,
      record,
    });
    // Released by the timeout sweeper while recognising: recorded as 50000, nothing charged.
    if (result === "already-settled") return new GatewayError(50000, "reservationExpired").toResponse();
    return response;
  } catch (err) {
    call.log.error({ err }, "metering failed");
    if (!call.reservation) return response;
    abandonReservation(call.reservation.id);
    return isDatabaseUnavailable(err) ? databaseUnavailable().toResponse() : new GatewayError(50000, "internal").toResponse();
  }
}

/** At most this many failed images are kept per record (a batch holds up to 50). */
const MAX_RECORDED_IMAGE_ERRORS = 50;

/** What the call record keeps of an answer: its code, message and details (failures), and the failed images of a batch. */
export function readAnswer(body: string): { statusCode: number; message: string; details: string; imageErrors: CallImageError[] } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { statusCode: 0, message: "", details: "", imageErrors: [] };
  }
  const o = (json && typeof json === "object" ? json : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === "string" ? v.slice(0, 500) : "");
  const items = Array.isArray(o.returnObj) ? (o.returnObj as unknown[]) : [];
  const imageErrors = items
    .map((item, index) => ({ index, item: (item && typeof item === "object" ? item : {}) as Record<string, unknown> }))
    .filter(({ item }) => typeof item.err_code === "number")
    .slice(0, MAX_RECORDED_IMAGE_ERRORS)
    .map(({ index, item }) => ({ index, code: item.err_code as number, message: text(item.err_msg) }));
  return {
    statusCode: typeof o.statusCode === "number" ? o.statusCode : 0,
    message: text(o.message),
    details: text(o.details),
    imageErrors,
  };
}
