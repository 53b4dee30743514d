// Where the login form may send the browser afterwards: a path on this site, never another origin.
// Browsers read `\` as `/` and drop tabs and newlines inside URLs, so `/\evil.com` or "/<TAB>/evil.com"
// would leave the site although they start with a single `/`. Such values, and their percent-encoded
// forms, are refused outright; what is left must resolve to this origin.

const BASE = "http://same-origin.invalid";
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

function decodedOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** `value` as a same-origin path (path, query, hash), or `fallback` when it is anything else. */
export function safeRedirectPath(value: string | null | undefined, fallback = "/overview"): string {
  if (!value || value.length > 2048 || !value.startsWith("/")) return fallback;
  const decoded = decodedOnce(value);
  if (decoded === null) return fallback;
  for (const form of [value, decoded]) {
    if (UNSAFE.test(form) || form.startsWith("//")) return fallback;
  }
  const url = new URL(value, BASE);
  if (url.origin !== BASE) return fallback;
  return url.pathname + url.search + url.hash;
}
