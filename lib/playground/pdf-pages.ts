import "server-only";

import path from "node:path";

// PDF pages for the general-OCR playground, rendered on the server with Mozilla's pdf.js (the
// reference renderer browsers ship, CJK CMaps and the standard fonts included) onto
// @napi-rs/canvas (prebuilt Skia, no system libraries), which pdf.js itself uses under Node.
// Each page becomes a JPEG that goes through the signed API like any picture. A page that already
// carries a text layer can skip OCR: its text comes with positions from the PDF itself.

export const PDF_MAX_PAGES = 20;
export const PDF_DPI_CHOICES = [100, 150, 200] as const;
/** A page rendered larger than this (in pixels, either side) would exceed the API's 5000 px. */
const MAX_SIDE = 4800;
/** Fewer characters than this on a page: a scan with a stray mark, not a text layer. */
const TEXT_LAYER_MIN_CHARS = 8;

export class PdfProblem extends Error {}

/** A run of the page's own text, boxed like an API line (`lib/exports` takes it as a line). */
export interface PdfTextLine {
  text: string;
  box: number[];
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | null = null;
const loadPdfJs = () => (pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs"));

// pdf.js reads its CMaps and standard fonts from files at run time. The path is built from the
// working directory (the app root, where node_modules is): a bundler rewrites require.resolve
// into a module id, which is no path.
const pdfjsDir = () => path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules", "pdfjs-dist");

async function open(bytes: Uint8Array) {
  const { getDocument } = await loadPdfJs();
  const dir = pdfjsDir();
  try {
    return await getDocument({
      data: bytes.slice(),
      cMapUrl: `${path.join(dir, "cmaps")}/`,
      cMapPacked: true,
      standardFontDataUrl: `${path.join(dir, "standard_fonts")}/`,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === "PasswordException") throw new PdfProblem("该 PDF 已加密（需要密码），请先解除密码保护后再上传");
    throw new PdfProblem("无法解析该 PDF，文件可能已损坏");
  }
}

export interface PdfInfo {
  pages: number;
  /** Pages (1-based) that carry a text layer. */
  textPages: number[];
}

export async function inspectPdf(bytes: Uint8Array): Promise<PdfInfo> {
  const doc = await open(bytes);
  try {
    if (doc.numPages > PDF_MAX_PAGES) throw new PdfProblem(`该 PDF 共 ${doc.numPages} 页，在线体验最多支持 ${PDF_MAX_PAGES} 页`);
    const textPages: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      const chars = content.items.reduce((sum, it) => sum + ("str" in it ? it.str.replace(/\s/g, "").length : 0), 0);
      if (chars >= TEXT_LAYER_MIN_CHARS) textPages.push(n);
    }
    return { pages: doc.numPages, textPages };
  } finally {
    await doc.destroy();
  }
}

export interface RenderedPage {
  jpeg: Uint8Array;
  width: number;
  height: number;
  dpi: number;
  /** The page's own text with boxes in the rendered picture's pixels (empty: no text layer). */
  textLines: PdfTextLine[];
}

export async function renderPdfPage(bytes: Uint8Array, pageNumber: number, dpi: number): Promise<RenderedPage> {
  const { Util } = await loadPdfJs();
  const doc = await open(bytes);
  try {
    if (pageNumber < 1 || pageNumber > doc.numPages) throw new PdfProblem(`该 PDF 没有第 ${pageNumber} 页（共 ${doc.numPages} 页）`);
    const page = await doc.getPage(pageNumber);
    const base = page.getViewport({ scale: 1 });
    const scale = Math.min(dpi / 72, MAX_SIDE / Math.max(base.width, base.height));
    const viewport = page.getViewport({ scale });
    const canvasFactory = doc.canvasFactory as { create(w: number, h: number): { canvas: unknown; context: unknown } };
    const { canvas, context } = canvasFactory.create(Math.round(viewport.width), Math.round(viewport.height));
    const ctx = context as CanvasRenderingContext2D;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, Math.round(viewport.width), Math.round(viewport.height));
    await page.render({ canvas: canvas as HTMLCanvasElement, canvasContext: ctx, viewport }).promise;
    const jpeg = await (canvas as { encode(format: "jpeg", quality: number): Promise<Uint8Array> }).encode("jpeg", 88);

    const content = await page.getTextContent();
    const textLines = content.items.flatMap((it): PdfTextLine[] => {
      if (!("str" in it) || !it.str.trim()) return [];
      const [, , c, d, x, y] = Util.transform(viewport.transform, it.transform) as number[];
      const h = Math.hypot(c!, d!);
      const w = it.width * scale;
      return [{ text: it.str, box: [x!, y! - h, x! + w, y! - h, x! + w, y!, x!, y!] }];
    });
    return {
      jpeg: new Uint8Array(jpeg),
      width: Math.round(viewport.width),
      height: Math.round(viewport.height),
      dpi: scale * 72,
      textLines,
    };
  } finally {
    await doc.destroy();
  }
}
