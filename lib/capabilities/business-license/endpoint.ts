import { z } from "zod";

import { maxBodyBytesFor } from "@/lib/capabilities/batch-body";
import { invalidRequest, validRequest } from "@/lib/capabilities/batch-endpoint";
import { base64Image, fieldBoxes, fieldBoxesQuery, licenseWarningsQuery } from "@/lib/capabilities/contract-schemas";
import type { CapabilityEndpoint } from "@/lib/capabilities/endpoint";
import { GatewayError } from "@/lib/errors/gateway-errors";

import { BUSINESS_LICENSE_ERRORS } from "./errors";
import { BUSINESS_LICENSE_ACTION, MAX_BUSINESS_LICENSE_IMAGE_BYTES, parseBusinessLicenseRequest } from "./request";

const DETAIL_KEYS = [
  "union_id",
  "regist_no",
  "name",
  "type",
  "addr",
  "legal_rep",
  "regist_captial",
  "establish_date",
  "operation_period",
] as const;

// POST /v1/aiop/api/2k8jo3ghhjwg/businesslicense/ocr/v1/BusinessLicense.json – business licence
// POST /v1/aiop/api/2z0yhhrzgv0g/tts/predict – the seed's URL for it, served as an alias
export const businessLicenseEndpoint: CapabilityEndpoint = {
  capability: "license",
  family: BUSINESS_LICENSE_ERRORS,
  // The seed's licence table has no path/method codes; the contract answers in the gateway shape.
  pathError: () => new GatewayError(50003, "unknownPath"),
  methodError: () => new GatewayError(40008, "method", { http: 405 }),
  // One image of ≤ 7 MiB: about 9.4 MiB of base64.
  maxBodyBytes: maxBodyBytesFor(1, MAX_BUSINESS_LICENSE_IMAGE_BYTES),
  parse: (body) => {
    const parsed = parseBusinessLicenseRequest(body);
    if (!parsed.ok) return invalidRequest(BUSINESS_LICENSE_ERRORS, parsed.code);
    return validRequest([parsed.request.imageData], async (ctx) => (await import("./handler")).handleBusinessLicense(parsed.request, ctx));
  },
  contract: {
    // No other keys are allowed (400007): the opt-in is a query parameter.
    request: z.strictObject({
      Action: z.literal(BUSINESS_LICENSE_ACTION),
      ImageData: base64Image.describe("一张图片（≤ 7 MiB）的 Base64").meta({ examples: ["/9j/4AAQSkZJRg..."] }),
    }),
    response: z.object({
      statusCode: z.literal(0),
      message: z.literal("success"),
      returnObj: z.object({
        license_type: z.enum(["Business License", "Not Business License"]),
        detail: z.object({
          ...Object.fromEntries(DETAIL_KEYS.map((k) => [k, z.string()])),
          real_captial: z.string().optional().describe("仅当执照显示实收资本"),
        }),
        warnings: z
          .array(z.enum(["union_id_check_failed"]))
          .optional()
          .describe("仅当 ?return_warnings=true：未通过的校验"),
        field_boxes: fieldBoxes.optional(),
      }),
    }),
    query: [fieldBoxesQuery, licenseWarningsQuery],
  },
};
