import { consoleRoute } from "@/lib/auth/api-route";
import { AppError } from "@/lib/errors";
import { MissingFontError } from "@/lib/exports/cjk-font";
import { EXPORT_TYPES, ExportInputError, buildServerExport } from "@/lib/exports/build-on-server";
import { EXPORT_FORMATS, exportDocumentSchema } from "@/lib/exports/schema";

// POST /api/console/playground-export?format=docx|xlsx|pdf – multipart { document: JSON, image-<i>: picture } → the file (session auth)
export function POST(request: Request) {
  return consoleRoute(async () => {
    const format = new URL(request.url).searchParams.get("format");
    if (!EXPORT_FORMATS.includes(format as never)) throw new AppError("invalid", `format ${format}`, "导出格式只能是 docx、xlsx 或 pdf");
    const form = await request.formData().catch(() => null);
    if (!form) throw new AppError("invalid", "not multipart", "请求格式不正确");
    let json: unknown = null;
    try {
      json = JSON.parse(String(form.get("document") ?? ""));
    } catch {
      // reported below
    }
    const doc = exportDocumentSchema.safeParse(json);
    if (!doc.success) throw new AppError("invalid", doc.error.message, "导出内容格式不正确");
    const images = await Promise.all(
      doc.data.pages.map(async (_, i) => {
        const f = form.get(`image-${i}`);
        return typeof f === "object" && f !== null ? new Uint8Array(await f.arrayBuffer()) : null;
      }),
    );
    try {
      const bytes = await buildServerExport(format as (typeof EXPORT_FORMATS)[number], doc.data, images);
      return new Response(Buffer.from(bytes), {
        headers: { "content-type": EXPORT_TYPES[format as (typeof EXPORT_FORMATS)[number]], "cache-control": "no-store" },
      });
    } catch (err) {
      if (err instanceof ExportInputError) throw new AppError("invalid", err.message, err.message);
      if (err instanceof MissingFontError)
        throw new AppError("invalid", err.message, "服务器未安装中文字体（EXPORT_CJK_FONT），无法生成可搜索 PDF");
      throw err;
    }
  });
}
