import { z } from "zod";

import { CapabilityError } from "@/lib/capabilities/capability-error";
import { batchData, batchMessage, perImageFailure } from "@/lib/capabilities/contract-schemas";
import { BATCH_MAX_BODY_BYTES, invalidRequest, validRequest } from "@/lib/capabilities/batch-endpoint";
import type { CapabilityEndpoint } from "@/lib/capabilities/endpoint";

import { DIRECTION_QUERY, PARAGRAPHS_QUERY, TABLES_QUERY } from "./document-options";
import { GENERAL_OCR_ERRORS } from "./errors";
import { parseGeneralOcrRequest } from "./request";

const line = z.object({
  name: z.string().describe("行序号（字符串）"),
  text: z.string(),
  box: z.array(z.number()).length(8).describe("左上、右上、右下、左下四点的 x, y（原图像素坐标，已按 EXIF 旋转）"),
  confidence: z.number().min(0).max(1).describe("扩展字段：置信度 0–1"),
});

const quad = z.array(z.number()).length(8);

const paragraph = z.object({
  lines: z.array(z.int()).describe("属于该段落的 detail 下标，按阅读顺序"),
  box: quad.describe("段落外框四点坐标（原图像素）"),
});

const table = z.object({
  box: quad.describe("表格外框四点坐标（原图像素）"),
  rows: z.int(),
  cols: z.int(),
  cells: z
    .array(
      z.object({
        row: z.int(),
        col: z.int(),
        rowspan: z.int().min(1),
        colspan: z.int().min(1),
        text: z.string().describe("单元格内文本行按阅读顺序拼接；空单元格为空字符串"),
        box: quad,
      }),
    )
    .describe("按行优先排列；合并单元格只出现一次（在其左上角），由 rowspan/colspan 覆盖其余位置"),
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
        z.union([
          z.object({
            text_line: z.int(),
            detail: z.array(line).describe("文本行，按阅读顺序"),
            paragraphs: z
              .array(paragraph)
              .optional()
              .describe("仅当 ?return_paragraphs=true：段落按阅读顺序（分栏、页眉页脚、旁注分开；表格每行一段），覆盖全部 detail"),
            tables: z.array(table).optional().describe("仅当 ?return_tables=true：有线表格（全框线、三线表）与按空白对齐的表格"),
            direction: z
              .union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)])
              .optional()
              .describe("仅当 ?return_direction=true：图片相对正向逆时针转过的角度（顺时针转回即为正向）；box 仍是原图坐标"),
          }),
          perImageFailure,
        ]),
      ),
    }),
    query: [
      {
        name: PARAGRAPHS_QUERY,
        description:
          "扩展（默认关闭）：为 true 时每张图片结果增加 paragraphs：[{lines: [detail 下标…], box}]，按阅读顺序（多栏自左向右逐栏、页眉页脚与旁注单独成段、表格每行一段）；detail 的顺序不变；查询串参与签名",
      },
      {
        name: DIRECTION_QUERY,
        description:
          "扩展（默认关闭）：为 true 时每张图片结果增加 direction：0/90/180/270，图片相对正向逆时针转过的角度；方向识别始终开启（侧放、倒置的图片按正向识别，box 仍为原图坐标），此参数只决定是否返回该角度；查询串参与签名",
      },
      {
        name: TABLES_QUERY,
        description:
          "扩展（默认关闭）：为 true 时每张图片结果增加 tables：[{box, rows, cols, cells: [{row, col, rowspan, colspan, text, box}]}]，识别全框线表格、三线表与按空白对齐的表格（至少 3 列）；查询串参与签名",
      },
    ],
  },
};
