import { describe, expect, it } from "vitest";

import { BATCH, LINES_ONLY, TWO_COLUMNS, WITH_TABLE } from "./fixtures.test-data";
import { buildCsv, buildJson, buildMarkdown, buildTxt } from "./text";

describe("TXT and Markdown in reading order", () => {
  it("follows the paragraphs, not the detail order", () => {
    expect(buildTxt({ title: "t", pages: [TWO_COLUMNS] })).toBe("左栏第一行\n左栏第二行\n\n右栏第一行\n右栏第二行\n");
    expect(buildMarkdown({ title: "t", pages: [TWO_COLUMNS] })).toBe("# t\n\n左栏第一行左栏第二行\n\n右栏第一行右栏第二行\n");
  });

  it("falls back to the lines in detail order without paragraphs", () => {
    expect(buildTxt({ title: "t", pages: [LINES_ONLY] })).toBe("左栏第一行\n\n右栏第一行\n\n左栏第二行\n\n右栏第二行\n");
  });

  it("writes a table in place of the lines inside it, with the text above it first", () => {
    const md = buildMarkdown({ title: "t", pages: [WITH_TABLE] });
    expect(md).toBe("# t\n\n课程表\n\n| 时间 |  | 备注 |\n| --- | --- | --- |\n| 周一 | 语文 | 全天 |\n| 周二 | 数学 |  |\n\n备注：无\n");
    expect(buildTxt({ title: "t", pages: [WITH_TABLE] })).toContain("周一\t语文\t全天");
  });

  it("holds every picture of a batch, each under its name", () => {
    const txt = buildTxt(BATCH);
    for (const p of BATCH.pages) expect(txt).toContain(`===== ${p.name} =====`);
    expect(txt).toContain("周二\t数学");
    expect(JSON.parse(buildJson(BATCH, [1, 2, 3])).results).toHaveLength(3);
  });

  it("keeps Markdown syntax in OCR text literal", () => {
    const page = { ...LINES_ONLY, lines: [{ text: "# 不是标题", box: [] }] };
    expect(buildMarkdown({ title: "t", pages: [page] })).toContain("\\# 不是标题");
  });
});

describe("CSV of fields", () => {
  it("has one row per record, a column per field and a BOM", () => {
    const csv = buildCsv({
      title: "t",
      pages: [
        {
          name: "a.jpg",
          width: 1,
          height: 1,
          lines: [],
          records: [
            { 车牌号: "浙B2V9L7", 颜色: "蓝牌" },
            { 车牌号: "辽DU4356", 颜色: "蓝牌" },
          ],
        },
        { name: "b,1.jpg", width: 1, height: 1, lines: [], records: [] },
      ],
    });
    expect(csv).toBe('\uFEFF文件,车牌号,颜色\r\na.jpg,浙B2V9L7,蓝牌\r\na.jpg,辽DU4356,蓝牌\r\n"b,1.jpg",,\r\n');
  });
});
