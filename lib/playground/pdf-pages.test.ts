import { type PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, StandardFonts, rgb } from "pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { PDF_MAX_PAGES, PdfProblem, inspectPdf, renderPdfPage } from "./pdf-pages";

/** An A5-ish PDF: page 1 with real text, page 2 a black rectangle only (a "scan" without text). */
async function samplePdf(pages = 2): Promise<PDFDocument> {
  const pdf = await PDFDocument.create();
  const f = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = pdf.addPage([420, 595]);
    if (i === 0) page.drawText("Core values, page one", { x: 40, y: 500, size: 20, font: f });
    else page.drawRectangle({ x: 40, y: 400, width: 200, height: 100, color: rgb(0, 0, 0) });
  }
  return pdf;
}

describe("PDF pages", () => {
  it("counts pages and finds the ones with a text layer", async () => {
    expect(await inspectPdf(await (await samplePdf()).save())).toEqual({ pages: 2, textPages: [1] });
  });

  it("renders a page at the chosen DPI with its text placed in pixels", async () => {
    const bytes = await (await samplePdf()).save();
    const page = await renderPdfPage(bytes, 1, 144);
    expect([page.width, page.height]).toEqual([840, 1190]);
    const meta = await sharp(Buffer.from(page.jpeg)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 840, 1190]);
    const line = page.textLines[0];
    expect(line?.text).toBe("Core values, page one");
    // Baseline at y = 500 pt from the bottom → (595 − 500) × 2 = 190 px from the top.
    expect(line?.box[7]).toBeCloseTo(190, 0);
    expect(line?.box[0]).toBeCloseTo(80, 0);
    // The black rectangle of page 2 is drawn.
    const p2 = await renderPdfPage(bytes, 2, 72);
    const { data } = await sharp(Buffer.from(p2.jpeg)).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect(data[(595 - 450) * 420 + 100]).toBeLessThan(40);
    expect(p2.textLines).toEqual([]);
  });

  it(`refuses more than ${PDF_MAX_PAGES} pages, broken files and encrypted ones with clear messages`, async () => {
    await expect(inspectPdf(await (await samplePdf(PDF_MAX_PAGES + 1)).save())).rejects.toThrow(
      `共 ${PDF_MAX_PAGES + 1} 页，在线体验最多支持 20 页`,
    );
    await expect(inspectPdf(new TextEncoder().encode("%PDF-1.7\nnot really"))).rejects.toThrow(PdfProblem);

    const locked = await samplePdf(1);
    // A standard security handler whose user password is not empty: pdf.js asks for a password.
    const encrypt = locked.context.obj({
      Filter: PDFName.of("Standard"),
      V: PDFNumber.of(1),
      R: PDFNumber.of(2),
      P: PDFNumber.of(-4),
      O: PDFHexString.of("11".repeat(32)),
      U: PDFHexString.of("22".repeat(32)),
    }) as PDFDict;
    locked.context.trailerInfo.Encrypt = locked.context.register(encrypt);
    locked.context.trailerInfo.ID = locked.context.obj([PDFHexString.of("ab".repeat(16)), PDFHexString.of("ab".repeat(16))]);
    await expect(inspectPdf(await locked.save({ useObjectStreams: false }))).rejects.toThrow("已加密");
  });
});
