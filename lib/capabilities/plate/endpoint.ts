import { z } from "zod";

import { CapabilityError } from "@/lib/capabilities/capability-error";
import { batchData, batchMessage, perImageFailure } from "@/lib/capabilities/contract-schemas";
import { BATCH_MAX_BODY_BYTES, invalidRequest, validRequest } from "@/lib/capabilities/batch-endpoint";
import type { CapabilityEndpoint } from "@/lib/capabilities/endpoint";

import { PLATE_TYPES, SEED_PLATE_TYPES } from "@/lib/readers/plate/plate-kind";

import { CHAR_CONFIDENCE_QUERY } from "./char-confidence";
import { PLATE_ERRORS } from "./errors";
import { parsePlateRequest } from "./request";

const plate = z.object({
  box: z.array(z.array(z.int()).length(2)).length(4).describe("左上、右上、右下、左下四点 [x, y]"),
  plate_type: z
    .enum(PLATE_TYPES)
    .describe(
      `默认仅 ${SEED_PLATE_TYPES.join("、")}（单层）；all_types 为 true 时另有 黄绿牌（大型新能源）、白牌（警用、武警）、黑牌（港澳、使馆、领馆），双层黄牌为 黄牌`,
    ),
  platelicense: z.string().describe("车牌号码，无分隔点与空格；双层车牌上层在前"),
  confidence: z.number().describe("整个号码正确的概率（0–1，各字符概率之积）"),
  char_confidence: z.array(z.number()).optional().describe("仅当 ?return_char_confidence=true：每个字符的概率，与 platelicense 逐字对应"),
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
    request: z.object({
      data: batchData,
      all_types: z
        .boolean()
        .optional()
        .describe("扩展（默认关闭）：为 true 时还返回双层黄牌、警用/武警白牌、港澳/使馆/领馆黑牌、大型新能源黄绿牌，各带自己的 plate_type"),
    }),
    response: z.object({
      statusCode: z.literal(0),
      message: batchMessage,
      returnObj: z.array(z.union([z.object({ "number of plate licenses": z.int(), detail: z.array(plate) }), perImageFailure])),
    }),
    query: [
      {
        name: CHAR_CONFIDENCE_QUERY,
        description: "扩展（默认关闭）：为 true 时每个车牌增加 char_confidence：每个字符的概率；查询串参与签名",
      },
    ],
  },
};
