import ExcelJS from "exceljs";

import type { ExportDocument } from "./document";
import { tableGrid } from "./reading-order";

// Excel: one sheet per table (merged cells for spans); records (cards, licences, plates) in one
// sheet with a row each; a batch with neither gets its lines, so the file is never empty.

/** Excel sheet names: ≤ 31 characters, none of []:*?/\ and unique. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, "_").slice(0, 28);
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}(${n})`.slice(0, 31);
  taken.add(name);
  return name;
}

export async function buildXlsx(doc: ExportDocument): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = "印刷文字识别 · 在线体验";
  book.title = doc.title;
  const taken = new Set<string>();

  doc.pages.forEach((page, p) =>
    (page.tables ?? []).forEach((table, t) => {
      const sheet = book.addWorksheet(sheetName(`${doc.pages.length > 1 ? `${p + 1}-` : ""}表${t + 1}`, taken));
      tableGrid(table).forEach((row) => sheet.addRow(row));
      for (const c of table.cells)
        if (c.rowspan > 1 || c.colspan > 1) sheet.mergeCells(c.row + 1, c.col + 1, c.row + c.rowspan, c.col + c.colspan);
    }),
  );

  const records = doc.pages.flatMap((page) => (page.records ?? []).map((r) => ({ 文件: page.name, ...r })));
  if (records.length) {
    const sheet = book.addWorksheet(sheetName("字段", taken));
    const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
    sheet.addRow(columns);
    for (const r of records) sheet.addRow(columns.map((c) => (r as Record<string, string>)[c] ?? ""));
  }

  if (book.worksheets.length === 0) {
    const sheet = book.addWorksheet(sheetName("文字", taken));
    sheet.addRow(["文件", "行", "文字"]);
    for (const page of doc.pages) page.lines.forEach((l, i) => sheet.addRow([page.name, i + 1, l.text]));
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
