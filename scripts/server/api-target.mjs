// Keeps every request for the public API on the gateway's contract answers. Next would answer a
// repeated slash (`//v1/aiop/api/…`) and a trailing slash with a 308 redirect before
// any route runs, TRACE with a 500 (the Fetch Request constructor refuses it) and other methods
// it does not route (PROPFIND, QUERY, …) with an empty 400. The API is POST on exact paths, so
// such requests are handed to the gateway on the path Next can route, marked as a variant, and
// with a method Next routes: the gateway then answers the capability's path or method code.
// (A backslash in the path or a method token Node does not know never gets here: Node's parser
// answers those with a bare 400 itself.)
import { PATH_VARIANT_HEADER } from "../../lib/net/entry-point.mjs";

const API_ROOT = "/v1/aiop/api";

/** Methods Next passes to route handlers (next/dist/server/web/http.js). */
const NEXT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"]);
/** Any other method reaches the gateway as this one: a non-POST method is all its check needs. */
const STAND_IN_METHOD = "OPTIONS";

/**
 * For a request target under /v1/aiop/api: the path Next routes without a redirect (slashes
 * collapsed, dot segments resolved, no trailing slash), whether the client's path differed, and
 * the method to hand on. Null for any other target.
 * @param {string} method
 * @param {string} url the request target as received (path and query)
 * @returns {{ method: string, url: string, variant: boolean } | null}
 */
export function apiRequestTarget(method, url) {
  const queryStart = url.indexOf("?");
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = queryStart === -1 ? "" : url.slice(queryStart);
  let routable;
  try {
    routable = new URL(path.replace(/\/+/g, "/"), "http://localhost").pathname.replace(/\/+$/, "");
  } catch {
    return null;
  }
  if (routable !== API_ROOT && !routable.startsWith(`${API_ROOT}/`)) return null;
  return { method: NEXT_METHODS.has(method) ? method : STAND_IN_METHOD, url: routable + query, variant: routable !== path };
}

/**
 * Rewrites an API request in place (see apiRequestTarget); drops a client-sent variant marker.
 * @param {import("node:http").IncomingMessage} req
 */
export function routeApiRequest(req) {
  delete req.headers[PATH_VARIANT_HEADER];
  const target = apiRequestTarget(req.method ?? "", req.url ?? "");
  if (!target) return;
  req.method = target.method;
  req.url = target.url;
  if (target.variant) req.headers[PATH_VARIANT_HEADER] = "1";
}
