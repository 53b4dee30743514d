import "server-only";

import { cjkFont } from "./cjk-font";
import type { ExportDocument } from "./document";
import { buildDocx } from "./docx";
import { buildSearchablePdf, type PageImage } from "./pdf";
import type { ServerExportFormat } from "./schema";
import { buildXlsx } from "./xlsx";

// The binary exports, built where the CJK font and the libraries are (the browser sends the
// document and, for the PDF, the pictures): nothing large is shipped to the browser.

export const EXPORT_TYPES: Record<ServerExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

export class ExportInputError extends Error {}

/** JPEG and PNG only (the browser re-encodes a BMP as PNG before sending it). */
function pageImage(bytes: Uint8Array | null, index: number): PageImage | null {
  if (!bytes) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { bytes, format: "jpeg" };
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return { bytes, format: "png" };
  throw new ExportInputError(`第 ${index + 1} 张图片不是 JPEG 或 PNG`);
}

export async function buildServerExport(
  format: ServerExportFormat,
  doc: ExportDocument,
  images: (Uint8Array | null)[],
): Promise<Uint8Array> {
  if (format === "docx") return buildDocx(doc);
  if (format === "xlsx") return buildXlsx(doc);
  const pictures = doc.pages.map((_, i) => pageImage(images[i] ?? null, i));
  return buildSearchablePdf(doc, pictures, await cjkFont());
}
