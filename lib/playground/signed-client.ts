import "server-only";

import { randomUUID } from "node:crypto";

import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { capabilityPath, type CapabilityId } from "@/lib/capabilities/catalog";
import { ENDPOINTS } from "@/lib/capabilities/endpoints";
import { FIELD_BOXES_QUERY } from "@/lib/capabilities/field-boxes";
import { getSigningAccessKey } from "@/lib/data/access-keys";
import { getApp } from "@/lib/data/apps";
import { logger } from "@/lib/observability/logger";
import { buildHeaderBlock, buildStringToSign, computeSignature, deriveSigningKey, sha256Hex } from "@/lib/gateway/eop-signature";

// The playground's API client: it calls the public endpoint exactly as an external client does
// (EOP signature with the user's own AK/SK, the chosen app's AppKey), so the gateway applies
// quota, rate limits and metering, and the call shows up in monitoring. Secrets never leave the server.

const SIGNED_HEADERS = ["appkey", "ctyun-eop-request-id", "eop-date"] as const;
const CALL_TIMEOUT_MS = 120_000;

export interface PlaygroundCall {
  requestId: string;
  httpStatus: number;
  latencyMs: number;
  /** The API's JSON answer (or `{ raw }` when it was not JSON). */
  response: unknown;
}

/** `yyyymmddTHHMMSSZ` in UTC (the gateway accepts UTC and the configured client zone). */
export function formatEopDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

export function apiBaseUrl(): string {
  return (env.PLAYGROUND_API_BASE_URL ?? `http://127.0.0.1:${env.PORT}`).replace(/\/+$/, "");
}

/** Headers for one signed POST (pure apart from the request id and clock). */
export function signRequest(opts: {
  accessKey: string;
  secretKey: string;
  appKey: string;
  body: string;
  query?: string;
  now?: Date;
  requestId?: string;
}) {
  const requestId = opts.requestId ?? randomUUID();
  const eopDate = formatEopDate(opts.now ?? new Date());
  const values: Record<(typeof SIGNED_HEADERS)[number], string> = {
    appkey: opts.appKey,
    "ctyun-eop-request-id": requestId,
    "eop-date": eopDate,
  };
  const stringToSign = buildStringToSign(
    buildHeaderBlock([...SIGNED_HEADERS], (name) => values[name as keyof typeof values]),
    opts.query ?? "",
    sha256Hex(Buffer.from(opts.body, "utf8")),
  );
  const signature = computeSignature(deriveSigningKey(opts.secretKey, opts.accessKey, eopDate), stringToSign);
  return {
    requestId,
    headers: {
      "content-type": "application/json",
      appkey: opts.appKey,
      "ctyun-eop-request-id": requestId,
      "eop-date": eopDate,
      "eop-authorization": `${opts.accessKey} Headers=${SIGNED_HEADERS.join(";")} Signature=${signature}`,
    },
  };
}

/**
 * The opt-ins the playground asks for: field positions from the structured endpoints (to draw
 * them), paragraphs and tables from general OCR (reading order, table view and exports; an API
 * without them answers as before and the exports fall back to the lines). Keys sorted, as signed.
 */
export function playgroundQuery(capabilityId: CapabilityId): string {
  if (capabilityId === "general") return "return_paragraphs=true&return_tables=true";
  const offersFieldBoxes = ENDPOINTS[capabilityId].contract.query?.some((q) => q.name === FIELD_BOXES_QUERY);
  return offersFieldBoxes ? `${FIELD_BOXES_QUERY}=true` : "";
}

/** The JSON bodies for these images: one batch call, or one call per image for the business licence. */
export function buildBodies(capabilityId: CapabilityId, imagesBase64: string[]): string[] {
  if (capabilityId === "license") return imagesBase64.map((b64) => JSON.stringify({ Action: "BusinessCardOCR", ImageData: b64 }));
  return [JSON.stringify({ data: imagesBase64 })];
}

/**
 * Signs and sends the user's images to the capability's endpoint. Throws AppError when the user
 * has no enabled AccessKey or the app is not theirs (the UI links to where to fix it).
 */
export async function callCapabilityAsUser(opts: {
  userId: string;
  appId: string;
  capabilityId: CapabilityId;
  images: Uint8Array[];
  clientIp?: string;
}): Promise<PlaygroundCall[]> {
  const app = await getApp({ userId: opts.userId, appId: opts.appId });
  if (!app) throw new AppError("not_found", `No app ${opts.appId}`, "所选应用不存在");
  const key = await getSigningAccessKey({ userId: opts.userId });
  if (!key) throw new AppError("invalid", "No enabled access key", "NO_ACCESS_KEY");

  const query = playgroundQuery(opts.capabilityId);
  const url = `${apiBaseUrl()}${capabilityPath(opts.capabilityId)}${query ? `?${query}` : ""}`;
  const bodies = buildBodies(
    opts.capabilityId,
    opts.images.map((bytes) => Buffer.from(bytes).toString("base64")),
  );
  const calls: PlaygroundCall[] = [];
  for (const body of bodies) {
    const { requestId, headers } = signRequest({ accessKey: key.accessKey, secretKey: key.secretKey, appKey: app.appKey, body, query });
    const started = performance.now();
    let res: Response;
    try {
      res = await fetch(url, {
        method: "POST",
        headers: { ...headers, ...(opts.clientIp ? { "x-forwarded-for": opts.clientIp } : {}) },
        body,
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
        cache: "no-store",
      });
    } catch (err) {
      logger.error({ url, err }, "playground: API unreachable");
      throw new AppError("invalid", `API unreachable at ${url}`, "无法连接识别服务，请检查 API 地址配置或稍后重试");
    }
    const text = await res.text();
    let response: unknown;
    try {
      response = JSON.parse(text);
    } catch {
      response = { raw: text.slice(0, 2000) };
    }
    calls.push({ requestId, httpStatus: res.status, latencyMs: Math.round(performance.now() - started), response });
  }
  return calls;
}
