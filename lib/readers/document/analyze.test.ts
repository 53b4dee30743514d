import { describe, expect, test } from "vitest";

import type { Point, Quad, TextLine } from "@/lib/ocr/types";

import { analyzeLayout, NO_RULINGS } from "./analyze";
import type { Rulings } from "./rulings";

/** An axis-aligned line, optionally turned about the origin (a skewed or sideways page). */
function line(text: string, x: number, y: number, width: number, height = 20, turnDeg = 0): TextLine {
  const a = (turnDeg * Math.PI) / 180;
  const turn = ([px, py]: Point): Point => [px * Math.cos(a) - py * Math.sin(a), px * Math.sin(a) + py * Math.cos(a)];
  const box = [turn([x, y]), turn([x + width, y]), turn([x + width, y + height]), turn([x, y + height])] as Quad;
  return { text, box, score: 0.99 };
}

const texts = (lines: TextLine[], paragraphs: { lines: number[] }[]) => paragraphs.map((p) => p.lines.map((i) => lines[i]!.text).join(""));

/**
 * A two-column page under a running header (left and right) and a title, over a centred page
 * number. Both columns break a paragraph at the same height, which must not interleave them.
 * Lines come in the detector's row order (left and right column lines alternate).
 */
function twoColumnPage(turnDeg = 0): TextLine[] {
  const lines: TextLine[] = [
    line("周报", 40, 20, 60, 16, turnDeg),
    line("第3版", 700, 20, 60, 16, turnDeg),
    line("标题", 300, 70, 200, 36, turnDeg),
  ];
  const rows = [
    ["左一甲", "右一甲"],
    ["左一乙", "右一乙"],
    [null, null],
    ["左二甲", "右二甲"],
    ["左二乙", "右二乙"],
  ];
  rows.forEach(([left, right], k) => {
    const y = 150 + k * 32;
    // First lines of a paragraph are indented by two characters; last lines end short.
    const first = k === 0 || k === 3;
    const last = k === 1 || k === 4;
    if (left) lines.push(line(left, first ? 80 : 40, y, last ? 200 : first ? 320 : 360, 20, turnDeg));
    if (right) lines.push(line(right, first ? 460 : 420, y, last ? 200 : first ? 320 : 360, 20, turnDeg));
  });
  lines.push(line("— 3 —", 370, 400, 60, 16, turnDeg));
  return lines;
}

describe("reading order", () => {
  test("columns are read one after the other, header, title and footer on their own", () => {
    const lines = twoColumnPage();
    expect(texts(lines, analyzeLayout(lines).paragraphs)).toEqual([
      "周报第3版",
      "标题",
      "左一甲左一乙",
      "左二甲左二乙",
      "右一甲右一乙",
      "右二甲右二乙",
      "— 3 —",
    ]);
  });

  test("the same on a page turned by a quarter, and slightly skewed", () => {
    for (const turn of [90, 180, 270, 1.5]) {
      const lines = twoColumnPage(turn);
      expect(texts(lines, analyzeLayout(lines).paragraphs)).toEqual([
        "周报第3版",
        "标题",
        "左一甲左一乙",
        "左二甲左二乙",
        "右一甲右一乙",
        "右二甲右二乙",
        "— 3 —",
      ]);
    }
  });

  test("side notes are read after the main column, each note a paragraph", () => {
    const lines = [
      line("正文一", 80, 100, 520),
      line("注一甲", 700, 100, 150, 16),
      line("正文二", 40, 132, 560),
      line("注一乙", 700, 126, 100, 16),
      line("正文三", 40, 164, 560),
      line("正文四", 40, 196, 300),
      line("注二甲", 700, 200, 150, 16),
      line("注二乙", 700, 226, 90, 16),
    ];
    expect(texts(lines, analyzeLayout(lines).paragraphs)).toEqual(["正文一正文二正文三正文四", "注一甲注一乙", "注二甲注二乙"]);
  });

  test("a form's labels and values are read row by row, not as columns", () => {
    const lines = [
      line("名称：", 40, 100, 60),
      line("北京某某有限公司", 200, 100, 300),
      line("地址：", 40, 140, 60),
      line("北京市海淀区某路1号", 200, 140, 320),
    ];
    expect(analyzeLayout(lines).paragraphs.flatMap((p) => p.lines)).toEqual([0, 1, 2, 3]);
  });

  test("paragraph boxes are in the picture's pixels", () => {
    const lines = [line("一", 10, 10, 300), line("二", 10, 42, 100)];
    expect(analyzeLayout(lines).paragraphs).toEqual([{ lines: [0, 1], box: [10, 10, 310, 10, 310, 62, 10, 62] }]);
  });

  test("no lines, no structure", () => {
    expect(analyzeLayout([])).toEqual({ paragraphs: [], tables: [] });
  });
});

describe("tables", () => {
  const header = ["姓名", "部门", "日期", "工号"];
  /** A 4-column table at y 100 + 40·row, cells 150 px wide from x 50. */
  const tableLines = (rows: number) =>
    Array.from({ length: rows }, (_, r) => header.map((h, c) => line(r === 0 ? h : `${h}${r}`, 60 + c * 150, 110 + r * 40, 60))).flat();

  test("whitespace-aligned: rows and columns from the gaps", () => {
    const lines = tableLines(4);
    const [table] = analyzeLayout(lines).tables;
    expect(table).toMatchObject({ rows: 4, cols: 4 });
    expect(table!.cells).toHaveLength(16);
    expect(table!.cells[5]).toMatchObject({ row: 1, col: 1, rowspan: 1, colspan: 1, text: "部门1" });
  });

  test("a table's rows are paragraphs in the reading order", () => {
    const lines = tableLines(3);
    expect(texts(lines, analyzeLayout(lines).paragraphs)).toEqual(["姓名部门日期工号", "姓名1部门1日期1工号1", "姓名2部门2日期2工号2"]);
  });

  test("two aligned columns of prose are not a table", () => {
    const lines = Array.from({ length: 6 }, (_, r) => [
      line(`左${r}`, 40, 100 + r * 32, 360),
      line(`右${r}`, 420, 100 + r * 32, 360),
    ]).flat();
    expect(analyzeLayout(lines).tables).toEqual([]);
  });

  test("three columns of prose are not a table either", () => {
    const lines = Array.from({ length: 6 }, (_, r) => [0, 1, 2].map((c) => line(`${c}${r}`, 40 + c * 260, 100 + r * 32, 240))).flat();
    expect(analyzeLayout(lines).tables).toEqual([]);
  });

  test("ruled grid: every rule drawn but the ones inside merged cells", () => {
    // 3 rows × 3 columns at x 50/200/350/500, y 100/140/180/220; (1,0)-(2,0) merged, (0,1)-(0,2) merged.
    const xs = [50, 200, 350, 500];
    const ys = [100, 140, 180, 220];
    const rulings: Rulings = {
      horizontal: [
        { at: 100, from: 50, to: 500 },
        { at: 140, from: 50, to: 500 },
        { at: 180, from: 200, to: 500 },
        { at: 220, from: 50, to: 500 },
      ],
      vertical: [
        { at: 50, from: 100, to: 220 },
        { at: 200, from: 100, to: 220 },
        { at: 350, from: 140, to: 220 },
        { at: 500, from: 100, to: 220 },
      ],
    };
    const lines = [
      line("项目", 60, 110, 40),
      line("合并表头", 300, 110, 80),
      line("类别", 60, 170, 40),
      line("甲", 210, 150, 20),
      line("乙", 360, 150, 20),
    ];
    lines.push(line("丙", 210, 190, 20), line("丁", 360, 190, 20));
    const [table] = analyzeLayout(lines, () => rulings).tables;
    expect(table).toMatchObject({ rows: 3, cols: 3 });
    expect(table!.cells.map(({ row, col, rowspan, colspan, text }) => [row, col, rowspan, colspan, text])).toEqual([
      [0, 0, 1, 1, "项目"],
      [0, 1, 1, 2, "合并表头"],
      [1, 0, 2, 1, "类别"],
      [1, 1, 1, 1, "甲"],
      [1, 2, 1, 1, "乙"],
      [2, 1, 1, 1, "丙"],
      [2, 2, 1, 1, "丁"],
    ]);
    expect(table!.box).toEqual([xs[0], ys[0], xs[3], ys[0], xs[3], ys[3], xs[0], ys[3]]);
  });

  test("a frame around the page is not a table", () => {
    const rulings: Rulings = {
      horizontal: [
        { at: 10, from: 10, to: 790 },
        { at: 590, from: 10, to: 790 },
      ],
      vertical: [
        { at: 10, from: 10, to: 590 },
        { at: 790, from: 10, to: 590 },
      ],
    };
    expect(analyzeLayout([line("一", 100, 100, 300), line("二", 100, 140, 300)], () => rulings).tables).toEqual([]);
  });

  test("three-line table: rules above and below the header and under the last row, columns from the gaps", () => {
    const lines = [line("甲", 60, 110, 40), line("乙", 300, 110, 40), line("一", 60, 150, 40), line("二", 300, 150, 40)];
    const rulings: Rulings = {
      horizontal: [
        { at: 100, from: 50, to: 500 },
        { at: 138, from: 50, to: 500 },
        { at: 180, from: 50, to: 500 },
      ],
      vertical: [],
    };
    expect(analyzeLayout(lines, () => rulings).tables[0]).toMatchObject({ rows: 2, cols: 2 });
    expect(analyzeLayout(lines, () => NO_RULINGS).tables).toEqual([]);
  });
});
