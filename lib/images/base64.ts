const STANDARD_OR_URL_SAFE = /^[A-Za-z0-9+/\-_]+={0,2}$/;

/**
 * Decodes an image payload sent as base64 (standard or URL-safe alphabet, padding optional).
 * Returns null for anything else. Contract: a `data:...;base64,` prefix counts as bad base64,
 * so no prefix stripping happens here.
 */
export function decodeBase64Payload(s: string): Uint8Array | null {
  if (s.length === 0 || !STANDARD_OR_URL_SAFE.test(s)) return null;
  const body = s.replace(/=+$/, "");
  // Mixing the two alphabets in one payload is never produced by a real encoder.
  if (/[+/]/.test(body) && /[-_]/.test(body)) return null;
  // A single leftover character carries fewer than 8 bits: not valid base64.
  if (body.length % 4 === 1) return null;
  // Padding, when present, must complete the last quantum exactly.
  const padding = s.length - body.length;
  if (padding > 0 && (body.length + padding) % 4 !== 0) return null;
  const bytes = Buffer.from(body, "base64url");
  if (bytes.length === 0) return null;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}
