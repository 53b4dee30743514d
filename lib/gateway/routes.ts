import { API_PREFIX, CAPABILITIES } from "@/lib/capabilities/catalog";
import type { CapabilityEndpoint } from "@/lib/capabilities/endpoint";
import { ENDPOINTS } from "@/lib/capabilities/endpoints";

// Path → capability. Paths and aliases come from lib/capabilities/catalog.ts, each endpoint's
// path/method codes, limits and body checks from lib/capabilities/<id>/endpoint.ts. Handlers are
// imported lazily there, so the gateway module graph stays free of the OCR runtime until a request gets that far.

export type { CapabilityEndpoint };

export type RouteMatch =
  | { kind: "endpoint"; endpoint: CapabilityEndpoint }
  /** The API id is known but the rest of the path is not: answer the capability's path code. */
  | { kind: "unknown-path"; endpoint: CapabilityEndpoint }
  /** Not a registered API id (EOP 50001). */
  | { kind: "unknown-api" };

export function matchRoute(pathname: string): RouteMatch {
  if (!pathname.startsWith(API_PREFIX)) return { kind: "unknown-api" };
  const rest = pathname.slice(API_PREFIX.length);
  const slash = rest.indexOf("/");
  const apiId = slash === -1 ? rest : rest.slice(0, slash);
  const subPath = slash === -1 ? "" : rest.slice(slash);
  for (const capability of CAPABILITIES) {
    const route = capability.routes.find((r) => r.apiId === apiId);
    if (!route) continue;
    const endpoint = ENDPOINTS[capability.id];
    return route.path === subPath ? { kind: "endpoint", endpoint } : { kind: "unknown-path", endpoint };
  }
  return { kind: "unknown-api" };
}
