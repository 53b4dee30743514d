import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { LINES_ONLY, WITH_TABLE } from "./fixtures.test-data";
import { buildXlsx } from "./xlsx";

async function read(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

describe("XLSX", () => {
  it("reads back a table with its cells and merges", async () => {
    const book = await read(await buildXlsx({ title: "课表", pages: [WITH_TABLE] }));
    const sheet = book.getWorksheet("表1");
    expect(sheet).toBeDefined();
    expect(sheet?.getCell("A1").value).toBe("时间");
    expect(sheet?.getCell("B2").value).toBe("语文");
    expect(sheet?.getCell("C2").value).toBe("全天");
    expect(sheet?.getCell("B1").isMerged).toBe(true);
    expect(sheet?.getCell("C3").isMerged).toBe(true);
    expect(book.title).toBe("课表");
  });

  it("puts records in one sheet, and lines when there is nothing else", async () => {
    const withRecords = await read(
      await buildXlsx({
        title: "t",
        pages: [{ name: "身份证.jpg", width: 1, height: 1, lines: [], records: [{ 姓名: "张三", 性别: "男" }] }],
      }),
    );
    const fields = withRecords.getWorksheet("字段");
    expect(fields?.getRow(1).values).toEqual([undefined, "文件", "姓名", "性别"]);
    expect(fields?.getRow(2).values).toEqual([undefined, "身份证.jpg", "张三", "男"]);

    const linesOnly = await read(await buildXlsx({ title: "t", pages: [LINES_ONLY] }));
    expect(linesOnly.getWorksheet("文字")?.getCell("C2").value).toBe("左栏第一行");
  });
});
