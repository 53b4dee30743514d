import fontkit from "@pdf-lib/fontkit";
import {
  PDFDocument,
  TextRenderingMode,
  beginText,
  endText,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  type PDFFont,
  type PDFPage,
} from "pdf-lib";

import { DEFAULT_DPI, type ExportDocument, type ExportLine, type ExportPage } from "./document";

// Searchable PDF: each picture as a page at its own size (pixels × 72 / DPI), with the lines
// written over it in invisible text (render mode 3), each stretched onto its box, so selecting or
// searching in a viewer finds the words where they are printed. The CJK font is embedded as a
// subset of the glyphs used; the text runs in reading order so copying a page reads right.

export interface PageImage {
  bytes: Uint8Array;
  format: "jpeg" | "png";
}

/** Line indexes in reading order: paragraph order when the API sent paragraphs, then the rest. */
function lineOrder(page: ExportPage): number[] {
  const seen = new Set<number>();
  const order: number[] = [];
  for (const p of page.paragraphs ?? [])
    for (const i of p.lines)
      if (page.lines[i] && !seen.has(i)) {
        seen.add(i);
        order.push(i);
      }
  page.lines.forEach((_, i) => !seen.has(i) && order.push(i));
  return order;
}

function drawInvisibleLine(
  pdfPage: PDFPage,
  fontKey: ReturnType<PDFPage["node"]["newFontDictionary"]>,
  font: PDFFont,
  line: ExportLine,
  scale: number,
) {
  const [x1, y1, x2, y2, , , x4, y4] = line.box as [number, number, number, number, number, number, number, number];
  const text = line.text.trim();
  if (!text || line.box.length < 8) return;
  const pageHeight = pdfPage.getHeight();
  const width = Math.hypot(x2 - x1, y2 - y1) * scale;
  const height = Math.hypot(x4 - x1, y4 - y1) * scale;
  if (width <= 0 || height <= 0) return;
  const angle = Math.atan2(-(y2 - y1), x2 - x1);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const size = height * 0.88;
  // The baseline sits a little above the box's bottom edge (the font's descent).
  const lift = height * 0.12;
  const x = x4 * scale - sin * lift;
  const y = pageHeight - y4 * scale + cos * lift;
  const natural = font.widthOfTextAtSize(text, size);
  pdfPage.pushOperators(
    beginText(),
    setFontAndSize(fontKey, size),
    setTextRenderingMode(TextRenderingMode.Invisible),
    setCharacterSqueeze(natural > 0 ? (100 * width) / natural : 100),
    setTextMatrix(cos, sin, -sin, cos, x, y),
    showText(font.encodeText(text)),
    endText(),
  );
}

export async function buildSearchablePdf(doc: ExportDocument, images: (PageImage | null)[], cjkFont: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(cjkFont, { subset: true });
  pdf.setTitle(doc.title, { showInWindowTitleBar: true });
  pdf.setSubject("OCR 识别结果（可搜索 PDF）");
  pdf.setCreator("印刷文字识别 · 在线体验");
  pdf.setProducer("印刷文字识别 · 在线体验");
  pdf.setLanguage("zh-CN");

  for (const [i, page] of doc.pages.entries()) {
    const scale = 72 / (page.dpi ?? DEFAULT_DPI);
    const pdfPage = pdf.addPage([page.width * scale, page.height * scale]);
    const image = images[i];
    if (image) {
      const embedded = image.format === "png" ? await pdf.embedPng(image.bytes) : await pdf.embedJpg(image.bytes);
      pdfPage.drawImage(embedded, { x: 0, y: 0, width: pdfPage.getWidth(), height: pdfPage.getHeight() });
    }
    const fontKey = pdfPage.node.newFontDictionary(font.name, font.ref);
    for (const index of lineOrder(page)) drawInvisibleLine(pdfPage, fontKey, font, page.lines[index]!, scale);
  }
  return pdf.save();
}
