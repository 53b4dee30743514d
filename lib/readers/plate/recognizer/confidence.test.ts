import { describe, expect, test } from "vitest";

import { plateConfidence } from "./confidence";

describe("plateConfidence", () => {
  const calibration = { a: 1.5, b: 0.4 };

  test("follows the weakest character: sigmoid(a·logit(min) + b)", () => {
    const min = 0.8;
    const expected = 1 / (1 + Math.exp(-(1.5 * Math.log(min / (1 - min)) + 0.4)));
    expect(plateConfidence([0.99, min, 0.95], calibration)).toBeCloseTo(expected, 10);
  });

  test("grows with the weakest character and stays inside (0, 1)", () => {
    const low = plateConfidence([0.3, 0.99], calibration);
    const high = plateConfidence([0.97, 0.99], calibration);
    expect(low).toBeLessThan(high);
    expect(plateConfidence([1, 1], calibration)).toBeLessThan(1);
    expect(plateConfidence([0], calibration)).toBeGreaterThan(0);
  });

  test("nothing read is confidence 0", () => {
    expect(plateConfidence([], calibration)).toBe(0);
  });
});
