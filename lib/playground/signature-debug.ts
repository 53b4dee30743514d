import {
  buildHeaderBlock,
  buildStringToSign,
  canonicalQueries,
  computeSignature,
  parseEopAuthorization,
  REQUIRED_SIGNED_HEADERS,
  sha256Hex,
  verifyEopSignature,
} from "@/lib/gateway/eop-signature";
import { parseEopDate } from "@/lib/gateway/eop-date";
import { createHmac } from "node:crypto";

// 在线签名调试: every intermediate value of the EOP signature for a request the developer
// describes, computed with the gateway's own functions, and whether the gateway would accept the
// Eop-Authorization they sent. Pure (the clock is passed in); the SecretKey is used, never returned.

export const DEFAULT_SIGNED_HEADERS = ["appkey", ...REQUIRED_SIGNED_HEADERS];

export interface SignatureDebugRequest {
  method: string;
  path: string;
  query: string;
  /** "Name: value" per line, as sent. */
  headers: string;
  body: string;
  accessKey: string;
  secretKey: string;
  /** "a;b;c"; empty: the pasted Eop-Authorization's list, else DEFAULT_SIGNED_HEADERS. */
  signedHeaders: string;
  /** The Eop-Authorization the developer sent; empty: taken from the headers, if there. */
  authorization: string;
}

export interface SignatureDebugResult {
  signedHeaders: string[];
  headerBlock: string;
  query: string;
  bodySha256: string;
  stringToSign: string;
  /** Hex of ktime = HMAC(SK, eop-date), kAk = HMAC(ktime, AK), kdate = HMAC(kAk, yyyymmdd). */
  keys: { ktime: string; kak: string; kdate: string };
  signature: string;
  expectedAuthorization: string;
  /** Problems the gateway would answer before or instead of a signature mismatch. */
  notes: string[];
  comparison: null | {
    provided: string;
    /** Whether the gateway's check passes for this request with the pasted header. */
    accepted: boolean;
    reasons: string[];
  };
}

/** Header lines → lower-cased name → trimmed value (what a server's header lookup returns). */
export function parseHeaderLines(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (line.trim() === "" || colon <= 0) continue;
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

const hmac = (key: Uint8Array | string, message: string) => createHmac("sha256", key).update(message, "utf8").digest();
const MINUTE_MS = 60_000;

export function debugSignature(input: SignatureDebugRequest, now: Date): SignatureDebugResult {
  const headers = parseHeaderLines(input.headers);
  const provided = input.authorization || headers.get("eop-authorization") || "";
  const parsed = provided ? parseEopAuthorization(provided) : null;
  const listed = input.signedHeaders
    .split(";")
    .map((name) => name.trim())
    .filter(Boolean);
  const signedHeaders = listed.length > 0 ? listed : (parsed?.signedHeaders ?? DEFAULT_SIGNED_HEADERS);
  const lowerNames = signedHeaders.map((name) => name.toLowerCase());
  const eopDate = headers.get("eop-date") ?? "";
  const notes: string[] = [];

  if (input.method.toUpperCase() !== "POST") notes.push(`API 只接受 POST：${input.method} 会得到 HTTP 405（方法错误码）`);
  const missing = lowerNames.filter((name) => !headers.has(name));
  if (missing.length > 0) notes.push(`签名列表中的请求头未填写：${missing.join("、")}（服务器将返回 10020）`);
  const unsigned = REQUIRED_SIGNED_HEADERS.filter((name) => !lowerNames.includes(name));
  if (unsigned.length > 0) notes.push(`签名列表必须包含 ${unsigned.join("、")}（否则服务器返回 10020）`);
  const dateMs = parseEopDate(eopDate);
  if (eopDate && dateMs === null) notes.push(`eop-date 「${eopDate}」格式不对，应为 yyyymmddTHHMMSSZ，如 20211109T104641Z`);
  if (dateMs !== null) {
    const minutes = Math.round((dateMs - now.getTime()) / MINUTE_MS);
    if (minutes !== 0) notes.push(`eop-date 与服务器当前 UTC 时间相差 ${minutes} 分钟（默认允许 ±15 分钟；按北京时间书写的日期也被接受）`);
  }
  notes.push("方法与路径不参与签名：签名只覆盖所列请求头、query 与请求体");

  const value = (name: string) => headers.get(name.toLowerCase()) ?? "";
  const headerBlock = buildHeaderBlock(signedHeaders, value);
  const body = Buffer.from(input.body, "utf8");
  const bodySha256 = sha256Hex(body);
  const ktime = hmac(input.secretKey, eopDate);
  const kak = hmac(ktime, input.accessKey);
  const kdate = hmac(kak, eopDate.slice(0, 8));
  // The gateway accepts the query sorted as whole "k=v" strings (the seed's way) or stably by key;
  // show the form the pasted signature used, else the seed's.
  const forms = canonicalQueries(input.query).map((query) => {
    const stringToSign = buildStringToSign(headerBlock, query, bodySha256);
    return { query, stringToSign, signature: computeSignature(kdate, stringToSign) };
  });
  if (forms.length > 1) notes.push(`query 有两种被接受的排序：${forms.map((f) => f.query).join("  或  ")}`);
  const { query, stringToSign, signature } = forms.find((f) => f.signature === parsed?.signature) ?? forms[0]!;

  return {
    signedHeaders,
    headerBlock,
    query,
    bodySha256,
    stringToSign,
    keys: { ktime: ktime.toString("hex"), kak: kak.toString("hex"), kdate: kdate.toString("hex") },
    signature,
    expectedAuthorization: `${input.accessKey} Headers=${signedHeaders.join(";")} Signature=${signature}`,
    notes,
    comparison: provided ? compare(provided, parsed, { input, headers, body, signature, signedHeaders }) : null,
  };
}

function compare(
  provided: string,
  parsed: ReturnType<typeof parseEopAuthorization>,
  ctx: { input: SignatureDebugRequest; headers: Map<string, string>; body: Buffer; signature: string; signedHeaders: string[] },
): NonNullable<SignatureDebugResult["comparison"]> {
  if (!parsed) {
    return { provided, accepted: false, reasons: ["无法解析：格式应为 <AccessKey> Headers=<h1;h2;…> Signature=<Base64 签名>"] };
  }
  const accepted = verifyEopSignature({
    authorization: parsed,
    secretKey: ctx.input.secretKey,
    header: (name) => ctx.headers.get(name) ?? null,
    rawQuery: ctx.input.query,
    body: ctx.body,
  });
  const reasons: string[] = [];
  if (parsed.accessKey !== ctx.input.accessKey) reasons.push(`AccessKey 不同：粘贴的是 ${parsed.accessKey}`);
  if (parsed.signedHeaders.join(";").toLowerCase() !== ctx.signedHeaders.join(";").toLowerCase()) {
    reasons.push(`签名请求头列表不同：粘贴的是 ${parsed.signedHeaders.join(";")}`);
  }
  if (!accepted && parsed.signature !== ctx.signature) {
    reasons.push("Signature 不同：请逐行对照待签字符串（请求头的值、空 query 行、请求体摘要）与密钥派生所用的 eop-date");
  }
  return { provided, accepted, reasons };
}
