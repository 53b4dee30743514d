import { CapabilityError, type CapabilityErrorFamily } from "@/lib/capabilities/capability-error";
import { API_PREFIX, CAPABILITIES, type CapabilityId } from "@/lib/capabilities/catalog";
import type { ParseResult, RunContext, ValidRequest } from "@/lib/capabilities/endpoint";
import { BUSINESS_LICENSE_ERRORS } from "@/lib/capabilities/business-license/errors";
import { MAX_BUSINESS_LICENSE_IMAGE_BYTES, parseBusinessLicenseRequest } from "@/lib/capabilities/business-license/request";
import { imageBytesInFlight, MAX_BATCH_IMAGE_BYTES, MAX_IMAGES_PER_REQUEST, maxBodyBytesFor } from "@/lib/capabilities/batch-body";
import { GENERAL_OCR_ERRORS } from "@/lib/capabilities/general-ocr/errors";
import { parseGeneralOcrRequest } from "@/lib/capabilities/general-ocr/request";
import { IDCARD_ERRORS } from "@/lib/capabilities/idcard/errors";
import { parseIdCardRequest } from "@/lib/capabilities/idcard/request";
import { PLATE_ERRORS } from "@/lib/capabilities/plate/errors";
import { parsePlateRequest } from "@/lib/capabilities/plate/request";
import { GatewayError } from "@/lib/gateway/errors";

// Path → capability registry. Paths and aliases come from lib/capabilities/catalog.ts; this file
// adds each endpoint's own path/method codes and body checks. Handlers are imported lazily so the
// gateway module graph stays free of the OCR runtime until a request gets that far.

export interface CapabilityEndpoint {
  capability: CapabilityId;
  family: CapabilityErrorFamily;
  /** Known API id, unknown rest of the path. */
  pathError: () => CapabilityError | GatewayError;
  /** Any method but POST (HTTP 405). */
  methodError: () => CapabilityError | GatewayError;
  /** Largest body the endpoint can need (its images at their size limit, in base64); MAX_BODY_BYTES caps it further. */
  maxBodyBytes: number;
  /** The capability's ordered whole-request body checks. */
  parse: (body: Uint8Array) => ParseResult;
}

const valid = (images: readonly unknown[], run: ValidRequest["run"]): ParseResult => ({
  ok: true,
  request: { imageCount: images.length, imageBytes: imageBytesInFlight(images), run },
});
const BATCH_MAX_BODY_BYTES = maxBodyBytesFor(MAX_IMAGES_PER_REQUEST, MAX_BATCH_IMAGE_BYTES);
const invalid = (family: CapabilityErrorFamily, code: number): ParseResult => ({ ok: false, error: new CapabilityError(family, code) });

const ENDPOINTS: Record<CapabilityId, CapabilityEndpoint> = {
  // POST /v1/aiop/api/2f3p1pnxpqm8/ocrdetect/ocr/v1/image.json – general OCR
  general: {
    capability: "general",
    family: GENERAL_OCR_ERRORS,
    pathError: () => new CapabilityError(GENERAL_OCR_ERRORS, 400001),
    methodError: () => new CapabilityError(GENERAL_OCR_ERRORS, 400002, 405),
    maxBodyBytes: BATCH_MAX_BODY_BYTES,
    parse: (body) => {
      const parsed = parseGeneralOcrRequest(body);
      if (!parsed.ok) return invalid(GENERAL_OCR_ERRORS, parsed.code);
      return valid(parsed.request.images, async (ctx: RunContext) =>
        (await import("@/lib/capabilities/general-ocr/handler")).handleGeneralOcr(parsed.request, ctx),
      );
    },
  },
  // POST /v1/aiop/api/2f3os7qq79xc/IdentityCard/ocr/v1/idcard.json – ID card
  idcard: {
    capability: "idcard",
    family: IDCARD_ERRORS,
    pathError: () => new CapabilityError(IDCARD_ERRORS, 4013),
    methodError: () => new CapabilityError(IDCARD_ERRORS, 4012, 405),
    maxBodyBytes: BATCH_MAX_BODY_BYTES,
    parse: (body) => {
      const parsed = parseIdCardRequest(body);
      if (!parsed.ok) return invalid(IDCARD_ERRORS, parsed.code);
      return valid(parsed.request.images, async (ctx: RunContext) =>
        (await import("@/lib/capabilities/idcard/handler")).handleIdCard(parsed.request, ctx),
      );
    },
  },
  // POST /v1/aiop/api/2gt54ed8660w/driven-plate-ocr/platelicense.json – licence plate
  plate: {
    capability: "plate",
    family: PLATE_ERRORS,
    pathError: () => new CapabilityError(PLATE_ERRORS, 4013),
    methodError: () => new CapabilityError(PLATE_ERRORS, 4012, 405),
    maxBodyBytes: BATCH_MAX_BODY_BYTES,
    parse: (body) => {
      const parsed = parsePlateRequest(body);
      if (!parsed.ok) return invalid(PLATE_ERRORS, parsed.code);
      return valid(parsed.request.images, async (ctx: RunContext) =>
        (await import("@/lib/capabilities/plate/handler")).handlePlate(parsed.request, ctx),
      );
    },
  },
  // POST /v1/aiop/api/2k8jo3ghhjwg/businesslicense/ocr/v1/BusinessLicense.json – business licence
  // POST /v1/aiop/api/2z0yhhrzgv0g/tts/predict – the seed's URL for it, served as an alias
  license: {
    capability: "license",
    family: BUSINESS_LICENSE_ERRORS,
    // The seed's licence table has no path/method codes; the contract answers in the gateway shape.
    pathError: () => new GatewayError(50003),
    methodError: () => new GatewayError(40008, { http: 405 }),
    // One image of ≤ 7 MiB: about 9.4 MiB of base64.
    maxBodyBytes: maxBodyBytesFor(1, MAX_BUSINESS_LICENSE_IMAGE_BYTES),
    parse: (body) => {
      const parsed = parseBusinessLicenseRequest(body);
      if (!parsed.ok) return invalid(BUSINESS_LICENSE_ERRORS, parsed.code);
      return valid([parsed.request.imageData], async (ctx: RunContext) =>
        (await import("@/lib/capabilities/business-license/handler")).handleBusinessLicense(parsed.request, ctx),
      );
    },
  },
};

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

export const getEndpoint = (capability: CapabilityId): CapabilityEndpoint => ENDPOINTS[capability];
