import { expect, test } from "vitest";

import { calibrationError, newPlateScore, reliabilityTable, scorePlates } from "./plate-score";

test("exact plates, characters, provinces and types; unlabelled plates' readings count neither way", () => {
  const score = newPlateScore();
  const truth = {
    scored: [
      { text: "京A12345", type: "蓝牌" },
      { text: "湘B67890", type: "黄牌" },
    ],
    ignored: 1,
  };
  const answer = [
    { text: "京A12345", type: "蓝牌", confidence: 0.95 },
    { text: "皖B67890", type: "黄牌", confidence: 0.4 },
    { text: "粤C11111", type: "蓝牌", confidence: 0.3 },
  ];
  expect(scorePlates(score, truth, answer, 12)).toEqual(["missed 湘B67890", "extra 皖B67890", "extra 粤C11111"]);
  expect(score).toMatchObject({ tp: 1, fp: 1, gt: 2, typeRight: 1, chars: 14, charErrors: 1, provinceRight: 1, latenciesMs: [12] });
  // With an unlabelled plate in the picture, the rightness of its extra readings is unknown.
  expect(score.confidences).toEqual([[0.95, true]]);
});

test("a picture whose plate was not found: every character wrong", () => {
  const score = newPlateScore();
  scorePlates(score, { scored: [{ text: "京A12345", type: "蓝牌" }], ignored: 0 }, [], 5);
  expect(score).toMatchObject({ tp: 0, gt: 1, chars: 7, charErrors: 7, provinceRight: 0 });
});

test("reliability table and calibration error", () => {
  const table = reliabilityTable([
    [0.95, true],
    [0.92, false],
    [0.35, false],
  ]);
  expect(table).toEqual([
    { bin: "0.3–0.4", n: 1, meanConfidence: 0.35, accuracy: 0 },
    { bin: "0.9–1.0", n: 2, meanConfidence: 0.935, accuracy: 0.5 },
  ]);
  expect(calibrationError([[1, true]])).toBe(0);
  expect(calibrationError([[0.8, false]])).toBeCloseTo(0.8);
});
