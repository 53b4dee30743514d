import { z } from "zod";

import { CapabilityError } from "@/lib/capabilities/capability-error";
import { batchData, batchMessage, fieldBoxes, fieldBoxesQuery, perImageFailure } from "@/lib/capabilities/contract-schemas";
import { BATCH_MAX_BODY_BYTES, invalidRequest, validRequest } from "@/lib/capabilities/batch-endpoint";
import type { CapabilityEndpoint } from "@/lib/capabilities/endpoint";

import { IDCARD_ERRORS } from "./errors";
import { parseIdCardRequest } from "./request";

const DETAIL_KEYS = ["name", "sex", "nation", "birthday", "idn", "addr", "org", "validperiod"] as const;
const WARNINGS = [
  "card_not_found",
  "idn_check_digit_failed",
  "idn_repaired",
  "birthday_mismatch",
  "sex_mismatch",
  "low_confidence",
] as const;

const card = z.object({
  note: z.enum(["front", "back", ""]).describe("front：国徽面；back：人像面；未检测到身份证时为空"),
  detail: z.object(Object.fromEntries(DETAIL_KEYS.map((k) => [k, z.string()]))).describe("不在该面的字段为空字符串；birthday 为 YYYYMMDD"),
  idcard_face: z.string().describe('默认 "no face"；return_face 为 true 时为人像面头像的 JPEG Base64'),
  demo_image: z.literal("demo_image"),
  risk: z.string().describe('默认 "normal"'),
  warnings: z.array(z.enum(WARNINGS)).optional().describe("仅当 return_warnings 为 true：未通过的校验"),
  field_boxes: fieldBoxes.optional(),
});

// POST /v1/aiop/api/2f3os7qq79xc/IdentityCard/ocr/v1/idcard.json – ID card
export const idCardEndpoint: CapabilityEndpoint = {
  capability: "idcard",
  family: IDCARD_ERRORS,
  pathError: () => new CapabilityError(IDCARD_ERRORS, 4013),
  methodError: () => new CapabilityError(IDCARD_ERRORS, 4012),
  maxBodyBytes: BATCH_MAX_BODY_BYTES,
  parse: (body) => {
    const parsed = parseIdCardRequest(body);
    if (!parsed.ok) return invalidRequest(IDCARD_ERRORS, parsed.code);
    return validRequest(parsed.request.images, async (ctx) => (await import("./handler")).handleIdCard(parsed.request, ctx));
  },
  contract: {
    request: z.object({
      data: batchData,
      return_face: z
        .boolean()
        .optional()
        .describe("扩展（默认关闭）：为 true 时 idcard_face 返回人像面头像裁剪图（JPEG Base64），无法定位时仍为 no face"),
      return_warnings: z
        .boolean()
        .optional()
        .describe(`扩展（默认关闭）：为 true 时每张结果增加 warnings：${WARNINGS.join("、")}`),
    }),
    response: z.object({ statusCode: z.literal(0), message: batchMessage, returnObj: z.array(z.union([card, perImageFailure])) }),
    query: [fieldBoxesQuery],
  },
};
