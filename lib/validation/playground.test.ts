import { describe, expect, it } from "vitest";

import { PLAYGROUND_MAX_IMAGES, appendFiles, checkPlaygroundFile, checkPlaygroundPdf, parsePageRange } from "./playground";

const files = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ name: `${prefix}${i + 1}.jpg` }));

describe("adding pictures to a batch (ux.md bugs 5 and 6)", () => {
  it("appends a second pick to the first instead of replacing it", () => {
    const { files: all, message } = appendFiles(files("a", 3), files("b", 2));
    expect(all.map((f) => f.name)).toEqual(["a1.jpg", "a2.jpg", "a3.jpg", "b1.jpg", "b2.jpg"]);
    expect(message).toBeNull();
  });

  it(`keeps up to ${PLAYGROUND_MAX_IMAGES} and says which ones were left out`, () => {
    const { files: all, message } = appendFiles(files("a", 48), files("b", 6));
    expect(all).toHaveLength(50);
    expect(message).toBe("一次最多 50 张图片，「b3.jpg」、「b4.jpg」、「b5.jpg」 等 4 张未添加");
    expect(appendFiles(files("a", 5), files("b", 1), 5).message).toBe("一次最多 5 张图片，「b1.jpg」 1 张未添加");
  });
});

describe("PDF page ranges", () => {
  it("reads ranges and single pages, Chinese commas too", () => {
    expect(parsePageRange("1-3，5", 8)).toEqual({ pages: [1, 2, 3, 5] });
    expect(parsePageRange("", 3)).toEqual({ pages: [1, 2, 3] });
    expect(parsePageRange(" 2 ", 3)).toEqual({ pages: [2] });
  });

  it("refuses pages outside the document and nonsense", () => {
    for (const bad of ["0", "4", "3-1", "a", "1-", "1,,2"]) expect(parsePageRange(bad, 3)).toHaveProperty("error");
  });
});

describe("PDF files", () => {
  const head = new TextEncoder().encode("%PDF-1.7\n");
  it("takes a PDF up to 2 MB and refuses others by content", () => {
    expect(checkPlaygroundPdf({ name: "a.pdf", size: 1000 }, head)).toBeNull();
    expect(checkPlaygroundPdf({ name: "a.pdf", size: 3 * 1024 * 1024 }, head)).toContain("超过 2 MB");
    expect(checkPlaygroundPdf({ name: "a.pdf", size: 10 }, new Uint8Array([0xff, 0xd8, 0xff]))).toBe("「a.pdf」不是有效的 PDF 文件");
  });
});

describe("unsupported pictures", () => {
  const gif = new TextEncoder().encode("GIF89a");
  it("name the accepted formats, PDF included where the playground takes it", () => {
    expect(checkPlaygroundFile({ name: "a.gif", size: 10 }, gif)).toBe("「a.gif」格式不支持，仅支持 jpg、png、bmp 格式");
    expect(checkPlaygroundFile({ name: "a.gif", size: 10 }, gif, { pdf: true })).toBe(
      "「a.gif」格式不支持，仅支持 jpg、png、bmp 格式或 PDF",
    );
  });
});
