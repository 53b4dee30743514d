import { describe, expect, test } from "vitest";

import type { TextLine } from "@/lib/ocr/types";

import { locateFields, wantsFieldBoxes } from "./field-boxes";

const line = (text: string, x: number, y: number, w = 200, h = 20): TextLine => ({
  text,
  score: 0.99,
  box: [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
  ],
});

describe("locateFields", () => {
  const lines = [
    line("姓名张三", 10, 10, 120),
    line("住址北京市朝阳区建国路", 10, 100),
    line("88号院3号楼", 10, 130, 120),
    line("张三丰", 300, 300),
  ];

  test("a value inside a label+value line takes the shortest such line", () => {
    expect(locateFields(lines, { name: "张三" }).name).toEqual([10, 10, 130, 10, 130, 30, 10, 30]);
  });

  test("a wrapped value spans the lines it was read from", () => {
    expect(locateFields(lines, { addr: "北京市朝阳区建国路88号院3号楼" }).addr).toEqual([10, 100, 210, 100, 210, 150, 10, 150]);
  });

  test("empty and unlocatable values get no box", () => {
    expect(locateFields(lines, { sex: "", org: "上海市公安局" })).toEqual({});
  });
});

test.each([
  ["return_field_boxes=true", true],
  ["return_field_boxes=1", false],
  ["", false],
])("?%s → %s", (query, expected) => {
  expect(wantsFieldBoxes(new URLSearchParams(query))).toBe(expected);
});
