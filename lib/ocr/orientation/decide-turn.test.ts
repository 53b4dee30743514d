import { describe, expect, test } from "vitest";

import { decideTurn, type LineShape, textAxis } from "./decide-turn";

const line = (length: number, vertical: boolean, thickness = 20): LineShape => ({ length, thickness, vertical });

describe("textAxis", () => {
  test("a page is sideways only when most of its lines' length runs vertically", () => {
    expect(textAxis([line(300, true), line(200, true), line(100, false)]).vertical).toBe(true);
    expect(textAxis([line(300, true), line(200, false), line(150, false)]).vertical).toBe(false);
  });

  test("square boxes (single characters, stamps) show no direction and are left out", () => {
    const axis = textAxis([line(30, true, 25), line(35, true, 30), line(100, false)]);
    expect(axis.vertical).toBe(false);
    expect(axis.lines).toEqual([line(100, false)]);
  });

  test("the longest lines of the axis vote, longest first", () => {
    const lines = Array.from({ length: 12 }, (_, i) => line(100 + i, false));
    const axis = textAxis(lines);
    expect(axis.lines).toHaveLength(8);
    expect(axis.lines[0]!.length).toBe(111);
  });
});

describe("decideTurn", () => {
  test("an upright page stays upright, even with a few confident upside-down votes", () => {
    expect(decideTurn(false, [100, 100, 100, 100], [0.01, 0.02, 0.99, 0.05])).toBe(0);
    expect(decideTurn(false, [100, 100, 100], [0.02, 0.95, 0.97])).toBe(0);
  });

  test("a page whose lines agree on upside down is turned 180°", () => {
    expect(decideTurn(false, [300, 200, 100], [0.99, 0.97, 0.1])).toBe(180);
  });

  test("unsure votes do not count, and fewer than two confident votes mean no turn", () => {
    expect(decideTurn(false, [100, 100, 100], [0.99, 0.5, 0.6])).toBe(0);
    expect(decideTurn(true, [100], [0.01])).toBe(0);
  });

  test("sideways: lines reading upright once laid flat counter-clockwise need 270°, upside down 90°", () => {
    expect(decideTurn(true, [100, 100, 100], [0.01, 0.02, 0.1])).toBe(270);
    expect(decideTurn(true, [100, 100, 100], [0.99, 0.98, 0.95])).toBe(90);
  });

  test("sideways with split votes: no turn", () => {
    expect(decideTurn(true, [100, 100, 100, 100], [0.01, 0.02, 0.99, 0.98])).toBe(0);
  });
});
