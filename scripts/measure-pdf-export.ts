/**
 * The playground's PDF path end to end, without HTTP: a 20-page A4 PDF of Chinese text is
 * rendered page by page at the chosen DPI (lib/playground/pdf-pages, as the server action does),
 * each page read by the OCR engine the API uses, then exported as searchable PDF, Word and Excel.
 * Prints total and per-stage time and the peak RSS; the searchable PDF's text is extracted again
 * with pdf.js and compared with the OCR text. Usage (server-only modules load under react-server):
 *   NODE_OPTIONS=--conditions=react-server npx tsx scripts/measure-pdf-export.ts [--dpi 150] [--pages 20]
 */
import fs from "node:fs";

import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

import type { ExportDocument } from "../lib/exports/document";
import { buildDocx } from "../lib/exports/docx";
import { buildSearchablePdf } from "../lib/exports/pdf";
import { extractTtcFace, findTtcFace } from "../lib/exports/ttc-face";
import { buildXlsx } from "../lib/exports/xlsx";
import { decodeImage } from "../lib/images/decode-image";
import { createOcrEngine } from "../lib/ocr/engine-core";
import { renderPdfPage } from "../lib/playground/pdf-pages";
import { buildOcrWorker } from "./build-ocr-worker.mjs";

const PAGES = Number(process.argv[process.argv.indexOf("--pages") + 1]) || 20;
const dpi = Number(process.argv[process.argv.indexOf("--dpi") + 1]) || 150;
const TEXT = "社会主义核心价值观富强民主文明和谐自由平等公正法治爱国敬业诚信友善";

let peakRss = process.memoryUsage().rss;
const sample = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

async function samplePdf(font: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const f = await pdf.embedFont(font, { subset: true });
  for (let p = 0; p < PAGES; p++) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`第 ${p + 1} 页`, { x: 260, y: 780, size: 22, font: f });
    for (let l = 0; l < 24; l++) {
      const start = (p * 7 + l * 3) % TEXT.length;
      page.drawText((TEXT + TEXT).slice(start, start + 20), { x: 60, y: 720 - l * 27, size: 16, font: f });
    }
  }
  return pdf.save();
}

async function main() {
  await buildOcrWorker();
  const ttc = new Uint8Array(fs.readFileSync("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"));
  const font = extractTtcFace(ttc, findTtcFace(ttc, /CJKsc-Regular$/));
  const pdfBytes = await samplePdf(font);
  const engine = await createOcrEngine();
  const t0 = performance.now();
  let renderMs = 0;
  let ocrMs = 0;
  const doc: ExportDocument = { title: "20 页测试", pages: [] };
  const images: { bytes: Uint8Array; format: "jpeg" }[] = [];
  for (let n = 1; n <= PAGES; n++) {
    let t = performance.now();
    const page = await renderPdfPage(pdfBytes, n, dpi);
    renderMs += performance.now() - t;
    t = performance.now();
    const decoded = await decodeImage(page.jpeg, { maxBytes: 10 * 1024 * 1024 });
    if (!decoded.ok) throw new Error(`page ${n}: ${decoded.kind}`);
    const lines = await engine.recognize(decoded.image);
    ocrMs += performance.now() - t;
    doc.pages.push({
      name: `第 ${n} 页`,
      width: page.width,
      height: page.height,
      dpi: page.dpi,
      lines: lines.map((l) => ({ text: l.text, box: l.box.flat() })),
    });
    images.push({ bytes: page.jpeg, format: "jpeg" });
  }
  let t = performance.now();
  const searchable = await buildSearchablePdf(doc, images, font);
  const pdfMs = performance.now() - t;
  t = performance.now();
  const docx = await buildDocx(doc);
  const xlsx = await buildXlsx(doc);
  const officeMs = performance.now() - t;
  const totalMs = performance.now() - t0;
  clearInterval(sample);
  await engine.close();

  // The text layer, extracted again, against the OCR text.
  const read = await getDocument({ data: searchable.slice(), verbosity: 0 }).promise;
  let same = 0;
  let firstDifference: { page: number; pdf: string; ocr: string } | null = null;
  for (let n = 1; n <= read.numPages; n++) {
    // pdf.js adds whitespace items between runs it sees apart: compare the characters only.
    const items = (await (await read.getPage(n)).getTextContent()).items.flatMap((i) => ("str" in i && i.str.trim() ? [i.str.trim()] : []));
    const ocr = doc.pages[n - 1]!.lines.map((l) => l.text.trim()).filter(Boolean);
    if (items.join("").replace(/\s/g, "") === ocr.join("").replace(/\s/g, "")) same++;
    else if (!firstDifference) {
      const k = items.findIndex((t, i) => t !== ocr[i]);
      firstDifference = { page: n, pdf: items[k] ?? "", ocr: ocr[k] ?? "" };
    }
  }
  const lines = doc.pages.reduce((s, p) => s + p.lines.length, 0);
  console.log(
    JSON.stringify(
      {
        pages: PAGES,
        dpi,
        lines,
        totalMs: Math.round(totalMs),
        renderMs: Math.round(renderMs),
        ocrMs: Math.round(ocrMs),
        searchablePdfMs: Math.round(pdfMs),
        docxXlsxMs: Math.round(officeMs),
        searchablePdfBytes: searchable.byteLength,
        docxBytes: docx.byteLength,
        xlsxBytes: xlsx.byteLength,
        pagesWhoseTextLayerEqualsOcr: same,
        firstDifference,
        peakRssMb: Math.round(peakRss / 1048576),
      },
      null,
      2,
    ),
  );
}

await main();
