import "server-only";

import type { CapabilityId } from "@/lib/capabilities/catalog";
import type { CapabilityEndpoint } from "@/lib/capabilities/endpoint";
import { businessLicenseEndpoint } from "@/lib/capabilities/business-license/endpoint";
import { generalOcrEndpoint } from "@/lib/capabilities/general-ocr/endpoint";
import { idCardEndpoint } from "@/lib/capabilities/idcard/endpoint";
import { plateEndpoint } from "@/lib/capabilities/plate/endpoint";

// Every capability's endpoint, by id: the gateway routes through it, /api/openapi.json and the
// console docs are generated from it. The catalog (catalog.ts) holds the product side.
export const ENDPOINTS: Readonly<Record<CapabilityId, CapabilityEndpoint>> = {
  general: generalOcrEndpoint,
  idcard: idCardEndpoint,
  plate: plateEndpoint,
  license: businessLicenseEndpoint,
};
