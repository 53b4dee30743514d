import fs from "node:fs";

import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";

import type { ExportDocument } from "./document";
import { BATCH, TWO_COLUMNS } from "./fixtures.test-data";
import { buildSearchablePdf } from "./pdf";
import { extractTtcFace, findTtcFace } from "./ttc-face";

// Debian's fonts-noto-cjk, installed here and in CI (README: test requirements).
const NOTO_TTC = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

let font: Uint8Array;
let jpeg: Uint8Array;

beforeAll(async () => {
  const ttc = new Uint8Array(fs.readFileSync(NOTO_TTC));
  font = extractTtcFace(ttc, findTtcFace(ttc, /CJKsc-Regular$/));
  jpeg = new Uint8Array(
    await sharp({ create: { width: 800, height: 600, channels: 3, background: "#ffffff" } })
      .jpeg()
      .toBuffer(),
  );
});

async function pdfText(bytes: Uint8Array) {
  const pdf = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const pages = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const view = page.getViewport({ scale: 1 });
    const items = (await page.getTextContent()).items.flatMap((it) =>
      "str" in it && it.str ? [{ str: it.str, x: it.transform[4], y: view.height - it.transform[5], w: it.width }] : [],
    );
    pages.push({ width: view.width, height: view.height, items });
  }
  return { pages, info: (await pdf.getMetadata()).info as Record<string, unknown> };
}

describe("searchable PDF", () => {
  it("finds the Simplified Chinese face in Noto's collection", () => {
    const ttc = new Uint8Array(fs.readFileSync(NOTO_TTC));
    expect(findTtcFace(ttc, /CJKsc-Regular$/)).toBeGreaterThan(0);
    expect(String.fromCharCode(...font.subarray(0, 4))).toBe("OTTO");
  });

  it("has the OCR text, in reading order, where the boxes are", async () => {
    const bytes = await buildSearchablePdf({ title: "两栏 测试", pages: [TWO_COLUMNS] }, [{ bytes: jpeg, format: "jpeg" }], font);
    const { pages, info } = await pdfText(bytes);
    expect(info.Title).toBe("两栏 测试");
    const [page] = pages;
    // 800 × 600 px at 96 dpi = 600 × 450 pt.
    expect(page?.width).toBeCloseTo(600, 0);
    expect(page?.items.map((i) => i.str)).toEqual(["左栏第一行", "左栏第二行", "右栏第一行", "右栏第二行"]);
    // 右栏第一行: box x 440..740 px, bottom 130 px → 330..555 pt, baseline a little above 97.5 pt.
    const right = page?.items[2];
    expect(right?.x).toBeCloseTo(330, 0);
    expect(right?.w).toBeCloseTo(225, 0);
    expect(right?.y).toBeGreaterThan(90);
    expect(right?.y).toBeLessThan(97.5);
  });

  it("embeds only a subset of the CJK font", async () => {
    const bytes = await buildSearchablePdf({ title: "t", pages: [TWO_COLUMNS] }, [null], font);
    expect(bytes.byteLength).toBeLessThan(200_000);
  });

  it("keeps a page per picture of a batch", async () => {
    const doc: ExportDocument = BATCH;
    const { pages } = await pdfText(await buildSearchablePdf(doc, [null, null, null], font));
    expect(pages).toHaveLength(3);
    expect(pages[1]?.items.map((i) => i.str)).toContain("语文");
  });
});
