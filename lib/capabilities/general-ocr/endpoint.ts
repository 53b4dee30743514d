import { z } from "zod";

import { CapabilityError } from "@/lib/capabilities/capability-error";
import { batchData, batchMessage, perImageFailure } from "@/lib/capabilities/contract-schemas";
import { BATCH_MAX_BODY_BYTES, invalidRequest, validRequest } from "@/lib/capabilities/batch-endpoint";
import type { CapabilityEndpoint } from "@/lib/capabilities/endpoint";

import { GENERAL_OCR_ERRORS } from "./errors";
import { parseGeneralOcrRequest } from "./request";

const line = z.object({
  name: z.string().describe("行序号（字符串）"),
  text: z.string(),
  box: z.array(z.number()).length(8).describe("左上、右上、右下、左下四点的 x, y（原图像素坐标，已按 EXIF 旋转）"),
  confidence: z.number().min(0).max(1).describe("扩展字段：置信度 0–1"),
});

// POST /v1/aiop/api/2f3p1pnxpqm8/ocrdetect/ocr/v1/image.json – general OCR
export const generalOcrEndpoint: CapabilityEndpoint = {
  capability: "general",
  family: GENERAL_OCR_ERRORS,
  pathError: () => new CapabilityError(GENERAL_OCR_ERRORS, 400001),
  methodError: () => new CapabilityError(GENERAL_OCR_ERRORS, 400002),
  maxBodyBytes: BATCH_MAX_BODY_BYTES,
  parse: (body) => {
    const parsed = parseGeneralOcrRequest(body);
    if (!parsed.ok) return invalidRequest(GENERAL_OCR_ERRORS, parsed.code);
    return validRequest(parsed.request.images, async (ctx) => (await import("./handler")).handleGeneralOcr(parsed.request, ctx));
  },
  contract: {
    request: z.object({ data: batchData }),
    response: z.object({
      statusCode: z.literal(0),
      message: batchMessage,
      returnObj: z.array(
        z.union([z.object({ text_line: z.int(), detail: z.array(line).describe("文本行，按阅读顺序") }), perImageFailure]),
      ),
    }),
  },
};
