import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";

import type { ExportDocument, ExportTable } from "./document";
import { joinLines, pageBlocks } from "./reading-order";

// Word: a heading per picture or page, paragraphs in reading order, tables as Word tables with
// their spans (docx fills the rows a rowSpan covers), records as two-column tables.

const FONT = { eastAsia: "宋体", ascii: "Calibri" } as const;

const text = (s: string) => new Paragraph({ children: [new TextRun({ text: s, font: FONT })] });

function wordTable(table: ExportTable): Table {
  // Positions covered by another cell's span get no cell of their own.
  const covered = new Set<string>();
  for (const c of table.cells)
    for (let r = c.row; r < c.row + c.rowspan; r++)
      for (let k = c.col; k < c.col + c.colspan; k++) if (r !== c.row || k !== c.col) covered.add(`${r},${k}`);
  const rows = Array.from({ length: table.rows }, (_, r) => {
    const cells: TableCell[] = [];
    for (let k = 0; k < table.cols; k++) {
      if (covered.has(`${r},${k}`)) continue;
      const c = table.cells.find((x) => x.row === r && x.col === k);
      cells.push(new TableCell({ children: [text(c?.text ?? "")], rowSpan: c?.rowspan ?? 1, columnSpan: c?.colspan ?? 1 }));
    }
    return new TableRow({ children: cells });
  });
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

function recordTable(record: Record<string, string>): ExportTable {
  const entries = Object.entries(record);
  return {
    rows: entries.length,
    cols: 2,
    cells: entries.flatMap(([k, v], row) => [
      { row, col: 0, rowspan: 1, colspan: 1, text: k },
      { row, col: 1, rowspan: 1, colspan: 1, text: v },
    ]),
  };
}

export async function buildDocx(doc: ExportDocument): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE })];
  for (const page of doc.pages) {
    if (doc.pages.length > 1) children.push(new Paragraph({ text: page.name, heading: HeadingLevel.HEADING_1 }));
    if (page.error) children.push(text(`（${page.error}）`));
    else if (page.records) for (const r of page.records) children.push(wordTable(recordTable(r)), text(""));
    else for (const b of pageBlocks(page)) children.push(b.kind === "paragraph" ? text(joinLines(b.lines)) : wordTable(b.table));
  }
  const file = new Document({
    title: doc.title,
    creator: "印刷文字识别 · 在线体验",
    description: "OCR 识别结果",
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}
