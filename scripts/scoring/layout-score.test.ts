import { expect, test } from "vitest";

import type { Quad } from "@/lib/ocr/types";

import { pairLines, scoreReadingOrder, scoreTable } from "./layout-score";

const box = (x: number, y: number): Quad => [
  [x, y],
  [x + 100, y],
  [x + 100, y + 20],
  [x, y + 20],
];

test("lines pair by overlap, one to one", () => {
  const pairs = pairLines([box(0, 0), box(0, 40)], [box(0, 41), box(2, 0), box(500, 500)]);
  expect([...pairs.entries()].sort()).toEqual([
    [0, 1],
    [1, 0],
  ]);
});

test("reading order: grouping and sequence, unread lines left out on both sides", () => {
  const pairs = new Map([
    [0, 0],
    [1, 1],
    [2, 2],
  ]);
  // Truth: [0,1] [2,3]; line 3 was never read.
  expect(
    scoreReadingOrder(
      [
        [0, 1],
        [2, 3],
      ],
      [[0, 1], [2]],
      pairs,
    ),
  ).toEqual({ paragraphs: true, sequence: true });
  expect(
    scoreReadingOrder(
      [
        [0, 1],
        [2, 3],
      ],
      [[0], [1], [2]],
      pairs,
    ),
  ).toEqual({ paragraphs: false, sequence: true });
  expect(
    scoreReadingOrder(
      [
        [0, 1],
        [2, 3],
      ],
      [[0, 2], [1]],
      pairs,
    ),
  ).toEqual({ paragraphs: false, sequence: false });
});

test("table cells count when row, column, spans and text agree; empty truth cells do not count", () => {
  const truth = [
    { row: 0, col: 0, rowspan: 1, colspan: 1, text: "姓名" },
    { row: 0, col: 1, rowspan: 1, colspan: 2, text: "合 计" },
    { row: 1, col: 0, rowspan: 1, colspan: 1, text: "" },
  ];
  const read = [
    { row: 0, col: 0, rowspan: 1, colspan: 1, text: "姓名" },
    { row: 0, col: 1, rowspan: 1, colspan: 1, text: "合计" },
  ];
  expect(scoreTable(truth, [read])).toEqual({ right: 1, total: 2 });
  expect(scoreTable(truth, [read, [{ ...read[1]!, colspan: 2 }, read[0]!]])).toEqual({ right: 2, total: 2 });
  expect(scoreTable(truth, [])).toEqual({ right: 0, total: 2 });
});
