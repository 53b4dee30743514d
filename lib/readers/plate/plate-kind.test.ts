import { describe, expect, test } from "vitest";

import { plateBackground, plateType, seedPlateType } from "./plate-kind";

const solid = (rgb: [number, number, number]) => {
  const data = new Uint8Array(40 * 12 * 3);
  for (let i = 0; i < data.length; i += 3) data.set(rgb, i);
  return { width: 40, height: 12, data };
};

describe("plate kinds", () => {
  test.each([
    ["京A1234警", "blue", "白牌"],
    ["WJ1693015", null, "白牌"],
    ["粤ZR066港", "blue", "黑牌"],
    ["沪A1707领", null, "黑牌"],
    ["沪AD12345", "green", "绿牌"],
    ["沪A12345D", "yellow", "黄绿牌"],
    ["琼A6716学", null, "黄牌"],
    ["皖K66666", "yellow", "黄牌"],
    ["浙B2V9L7", "white", "白牌"],
    ["浙B2V9L7", null, "蓝牌"],
  ] as const)("%s on %s → %s", (text, background, type) => {
    expect(plateType(text, background)).toBe(type);
  });

  test("the seed's answer: single-row 蓝/黄/绿 only, a yellow-green plate as 绿牌", () => {
    expect(seedPlateType("蓝牌", 1)).toBe("蓝牌");
    expect(seedPlateType("黄绿牌", 1)).toBe("绿牌");
    expect(seedPlateType("黄牌", 2)).toBeNull();
    expect(seedPlateType("白牌", 1)).toBeNull();
    expect(seedPlateType("黑牌", 1)).toBeNull();
  });

  test("backgrounds: plate colours, white and black paint", () => {
    expect(plateBackground(solid([18, 72, 184]))).toBe("blue");
    expect(plateBackground(solid([235, 236, 238]))).toBe("white");
    expect(plateBackground(solid([20, 22, 25]))).toBe("black");
    expect(plateBackground(solid([120, 110, 100]))).toBeNull();
  });
});
