import type { ExportDocument, ExportPage } from "./document";

// Hand-made pages of the shape the general-OCR opt-ins return: a two-column page whose `detail`
// order runs across the columns (the paragraphs put the left column first), and a page with a
// 3×3 table whose first header cell spans two columns.

const rect = (x: number, y: number, w: number, h: number) => [x, y, x + w, y, x + w, y + h, x, y + h];

export const TWO_COLUMNS: ExportPage = {
  name: "两栏.jpg",
  width: 800,
  height: 600,
  lines: [
    { text: "左栏第一行", box: rect(40, 100, 300, 30) },
    { text: "右栏第一行", box: rect(440, 100, 300, 30) },
    { text: "左栏第二行", box: rect(40, 140, 300, 30) },
    { text: "右栏第二行", box: rect(440, 140, 300, 30) },
  ],
  paragraphs: [
    { lines: [0, 2], box: rect(40, 100, 300, 70) },
    { lines: [1, 3], box: rect(440, 100, 300, 70) },
  ],
};

export const WITH_TABLE: ExportPage = {
  name: "课表.png",
  width: 800,
  height: 600,
  lines: [
    { text: "课程表", box: rect(300, 20, 200, 40) },
    { text: "时间", box: rect(50, 100, 200, 30) },
    { text: "周一", box: rect(50, 150, 100, 30) },
    { text: "语文", box: rect(300, 150, 100, 30) },
    { text: "备注：无", box: rect(50, 400, 200, 30) },
  ],
  paragraphs: [{ lines: [0] }, { lines: [1] }, { lines: [2] }, { lines: [3] }, { lines: [4] }],
  tables: [
    {
      box: rect(40, 90, 700, 150),
      rows: 3,
      cols: 3,
      cells: [
        { row: 0, col: 0, rowspan: 1, colspan: 2, text: "时间" },
        { row: 0, col: 2, rowspan: 1, colspan: 1, text: "备注" },
        { row: 1, col: 0, rowspan: 1, colspan: 1, text: "周一" },
        { row: 1, col: 1, rowspan: 1, colspan: 1, text: "语文" },
        { row: 1, col: 2, rowspan: 2, colspan: 1, text: "全天" },
        { row: 2, col: 0, rowspan: 1, colspan: 1, text: "周二" },
        { row: 2, col: 1, rowspan: 1, colspan: 1, text: "数学" },
      ],
    },
  ],
};

/** Lines only (the API without the opt-ins): exports keep `detail` order. */
export const LINES_ONLY: ExportPage = { ...TWO_COLUMNS, name: "无段落.jpg", paragraphs: undefined };

export const BATCH: ExportDocument = { title: "识别结果·批量", pages: [TWO_COLUMNS, WITH_TABLE, LINES_ONLY] };
