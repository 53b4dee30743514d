import { createHash, createHmac, timingSafeEqual } from "node:crypto";

// Pure EOP signing (contract §Request signing). No I/O: the pipeline passes headers, query and body in.

/** Headers every signature must cover (contract: the signed list must contain both). */
export const REQUIRED_SIGNED_HEADERS = ["ctyun-eop-request-id", "eop-date"] as const;

export interface EopAuthorization {
  accessKey: string;
  /** Signed header names as listed by the client, in its order. */
  signedHeaders: string[];
  signature: string;
}

/**
 * Longest Eop-Authorization parsed. A real one is an AK, a handful of header names and a 44-char
 * signature (well under 512 bytes); the cap bounds the work an unauthenticated caller can ask of
 * the parser (security review H1) and answers 10020 like any malformed value.
 */
export const MAX_AUTHORIZATION_LENGTH = 4096;

/** RFC 9110 token: what a header name may be. Anything else could never be a sent header (and makes Headers.get throw). */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const SIGNATURE_KEYWORD = "signature";

/**
 * `<AK> Headers=<h1;h2> Signature=<b64>`; the seed's own prose writes "Header=" and puts spaces
 * around "=" and ";", keywords in any case. Parsed by position in one pass, no backtracking: header
 * names cannot contain "=", so the first "=" after the list is the one of "Signature=".
 */
export function parseEopAuthorization(value: string): EopAuthorization | null {
  if (value.length > MAX_AUTHORIZATION_LENGTH) return null;
  const text = value.trim();
  const akEnd = text.search(/\s/);
  if (akEnd <= 0) return null;
  const accessKey = text.slice(0, akEnd);

  let rest = text.slice(akEnd).trimStart();
  const keyword = rest.slice(0, 7).toLowerCase();
  if (keyword === "headers") rest = rest.slice(7);
  else if (keyword.startsWith("header")) rest = rest.slice(6);
  else return null;
  rest = rest.trimStart();
  if (!rest.startsWith("=")) return null;
  rest = rest.slice(1);

  const signatureEquals = rest.indexOf("=");
  if (signatureEquals === -1) return null;
  const beforeEquals = rest.slice(0, signatureEquals).trimEnd();
  if (!beforeEquals.toLowerCase().endsWith(SIGNATURE_KEYWORD)) return null;
  const list = beforeEquals.slice(0, -SIGNATURE_KEYWORD.length);
  // "Signature" must be its own word, after the list.
  if (list.trimEnd() === list) return null;

  const signedHeaders = list.split(";").map((name) => name.trim());
  if (!signedHeaders.every((name) => HEADER_NAME.test(name))) return null;
  const signature = rest.slice(signatureEquals + 1).trim();
  if (signature === "" || /\s/.test(signature)) return null;
  return { accessKey, signedHeaders, signature };
}

export function sha256Hex(body: Uint8Array): string {
  return createHash("sha256").update(body).digest("hex");
}

/** `name:value\n` for each signed header, names sorted ascending (as the seed's client does). */
export function buildHeaderBlock(names: string[], headerValue: (name: string) => string): string {
  return [...names]
    .sort()
    .map((name) => `${name}:${headerValue(name)}\n`)
    .join("");
}

/**
 * The query forms a client may have signed: the seed sorts the raw "k=v" pieces as strings;
 * URL libraries stable-sort by key, which differs for repeated keys or keys prefixing each other.
 */
export function canonicalQueries(rawQuery: string): string[] {
  const query = rawQuery.startsWith("?") ? rawQuery.slice(1) : rawQuery;
  if (query === "") return [""];
  const pieces = query.split("&");
  const bySortedString = [...pieces].sort().join("&");
  const key = (piece: string) => piece.split("=", 1)[0]!;
  const byKey = [...pieces].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).join("&");
  return bySortedString === byKey ? [bySortedString] : [bySortedString, byKey];
}

export function buildStringToSign(headerBlock: string, query: string, bodySha256: string): string {
  return `${headerBlock}\n${query}\n${bodySha256}`;
}

const hmac = (key: Uint8Array | string, message: string) => createHmac("sha256", key).update(message, "utf8").digest();

/** kdate = HMAC(HMAC(HMAC(SK, date), AK), yyyymmdd). */
export function deriveSigningKey(secretKey: string, accessKey: string, eopDate: string): Buffer {
  const ktime = hmac(secretKey, eopDate);
  const kak = hmac(ktime, accessKey);
  return hmac(kak, eopDate.slice(0, 8));
}

export function computeSignature(signingKey: Uint8Array, stringToSign: string): string {
  return hmac(signingKey, stringToSign).toString("base64");
}

/** Constant-time string comparison (lengths are not secret). */
export function signaturesEqual(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(provided, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface SignedRequest {
  authorization: EopAuthorization;
  secretKey: string;
  /** Header lookup by lower-case name; null when not sent. */
  header: (lowerCaseName: string) => string | null;
  rawQuery: string;
  /** The raw body, or its sha256 (hex) when it was hashed while streaming. */
  body: Uint8Array | { sha256: string };
}

/** Why a signature was refused: the `details` reason of its 10020. */
export type SignatureProblem =
  | { reason: "requiredHeadersUnsigned" }
  | { reason: "signedHeaderMissing"; header: string }
  | { reason: "signatureMismatch" };

/**
 * Checks the signature over every accepted canonical form: null when it verifies, else why not
 * (a required header not signed, a signed header not sent, or a mismatch).
 */
export function checkEopSignature(request: SignedRequest): SignatureProblem | null {
  const { authorization, secretKey } = request;
  const lowerNames = authorization.signedHeaders.map((name) => name.toLowerCase());
  if (!REQUIRED_SIGNED_HEADERS.every((required) => lowerNames.includes(required))) return { reason: "requiredHeadersUnsigned" };
  const missing = lowerNames.find((name) => request.header(name) === null);
  if (missing !== undefined) return { reason: "signedHeaderMissing", header: missing };

  const eopDate = request.header("eop-date")!;
  const signingKey = deriveSigningKey(secretKey, authorization.accessKey, eopDate);
  const value = (name: string) => request.header(name.toLowerCase())!;
  // Clients write the names into the string to sign either as listed or lower-cased.
  const headerBlocks = new Set([buildHeaderBlock(authorization.signedHeaders, value), buildHeaderBlock(lowerNames, value)]);
  const bodyHash = request.body instanceof Uint8Array ? sha256Hex(request.body) : request.body.sha256;
  let matched = false;
  for (const block of headerBlocks) {
    for (const query of canonicalQueries(request.rawQuery)) {
      const expected = computeSignature(signingKey, buildStringToSign(block, query, bodyHash));
      // No early exit: every candidate costs the same whether or not an earlier one matched.
      matched = signaturesEqual(expected, authorization.signature) || matched;
    }
  }
  return matched ? null : { reason: "signatureMismatch" };
}

/** True when the signature verifies (see checkEopSignature for why it does not). */
export const verifyEopSignature = (request: SignedRequest): boolean => checkEopSignature(request) === null;
