import { z } from "zod";

import { MAX_IMAGES_PER_REQUEST } from "@/lib/capabilities/batch-body";
import { FIELD_BOXES_QUERY, LICENSE_WARNINGS_QUERY } from "@/lib/capabilities/field-boxes";

// Pieces of the documented request/response shapes shared by several endpoints (OpenAPI).

export const base64Image = z
  .string()
  .describe("图片文件的 Base64（标准或 URL-safe 字母表，可无填充，不含 data: 前缀）；jpeg/png/bmp，宽高 32–5000 像素");

export const batchData = z
  .array(base64Image)
  .min(1)
  .max(MAX_IMAGES_PER_REQUEST)
  .describe(`1–${MAX_IMAGES_PER_REQUEST} 张图片，每张 ≤ 10 MiB`)
  .meta({ examples: [["/9j/4AAQSkZJRg..."]] });

/** A failed image inside a 200 batch answer. */
export const perImageFailure = z.object({ err_code: z.int(), err_msg: z.string() }).describe("单张图片失败：不影响其他图片");

export const batchMessage = z.object({ success: z.int(), fail: z.int() });

/** `?return_field_boxes=true` (ID card, licence). */
export const fieldBoxesQuery = {
  name: FIELD_BOXES_QUERY,
  description: "扩展（默认关闭）：为 true 时结果增加 field_boxes：{字段名: [x1,y1,x2,y2,x3,y3,x4,y4]}，未识别的字段不返回；查询串参与签名",
};

/** `?return_warnings=true` (licence: its body admits no extra key). */
export const licenseWarningsQuery = {
  name: LICENSE_WARNINGS_QUERY,
  description:
    "扩展（默认关闭）：为 true 时结果增加 warnings：union_id_check_failed（统一社会信用代码校验位不符且无唯一修正，已原样返回）；查询串参与签名",
};

export const fieldBoxes = z
  .record(z.string(), z.array(z.number()).length(8))
  .describe("仅当 ?return_field_boxes=true：各字段在原图中的四点坐标");
