import { z } from "zod";

import { CapabilityError } from "@/lib/capabilities/capability-error";
import { batchData, batchMessage, perImageFailure } from "@/lib/capabilities/contract-schemas";
import { BATCH_MAX_BODY_BYTES, invalidRequest, validRequest } from "@/lib/capabilities/batch-endpoint";
import type { CapabilityEndpoint } from "@/lib/capabilities/endpoint";

import { PLATE_ERRORS } from "./errors";
import { parsePlateRequest } from "./request";

const plate = z.object({
  box: z.array(z.array(z.int()).length(2)).length(4).describe("左上、右上、右下、左下四点 [x, y]"),
  plate_type: z.enum(["蓝牌", "黄牌", "绿牌"]),
  platelicense: z.string().describe("车牌号码，无分隔点与空格"),
  confidence: z.number(),
});

// POST /v1/aiop/api/2gt54ed8660w/driven-plate-ocr/platelicense.json – licence plate
export const plateEndpoint: CapabilityEndpoint = {
  capability: "plate",
  family: PLATE_ERRORS,
  pathError: () => new CapabilityError(PLATE_ERRORS, 4013),
  methodError: () => new CapabilityError(PLATE_ERRORS, 4012),
  maxBodyBytes: BATCH_MAX_BODY_BYTES,
  parse: (body) => {
    const parsed = parsePlateRequest(body);
    if (!parsed.ok) return invalidRequest(PLATE_ERRORS, parsed.code);
    return validRequest(parsed.request.images, async (ctx) => (await import("./handler")).handlePlate(parsed.request, ctx));
  },
  contract: {
    request: z.object({ data: batchData }),
    response: z.object({
      statusCode: z.literal(0),
      message: batchMessage,
      returnObj: z.array(z.union([z.object({ "number of plate licenses": z.int(), detail: z.array(plate) }), perImageFailure])),
    }),
  },
};
