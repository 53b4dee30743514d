import { expect, test } from "vitest";

import type { Quad } from "@/lib/ocr/types";
import { normalizeText } from "@/lib/readers/layout/normalize";

import { scorePage, summarizeScores } from "./score-page";
import { collapseWhitespace, editDistance } from "./text-metrics";

const box = (y: number): Quad => [
  [0, y],
  [100, y],
  [100, y + 20],
  [0, y + 20],
];

test("normalizeText strips spaces and folds full-width ASCII", () => {
  expect(normalizeText(" ＡＢＣ１２３：ok 中\u3000文 ")).toBe("ABC123:ok中文");
});

test("editDistance counts code points", () => {
  expect(editDistance("中文字", "中字")).toBe(1);
  expect(editDistance("", "ab")).toBe(2);
  expect(editDistance("kitten", "sitting")).toBe(3);
});

test("scorePage matches by IoU and counts unmatched ground truth", () => {
  const s = scorePage(
    [
      { text: "你好世界", box: box(0) },
      { text: "abc", box: box(50) },
    ],
    [
      { text: "你好世", box: box(2) },
      { text: "zzz", box: box(200) },
    ],
  );
  expect(s).toMatchObject({ gtChars: 7, matchedLines: 1, lineErrors: 1 + 3 });
  expect(summarizeScores([s]).charAccuracy).toBeCloseTo(3 / 7);
});

test("box-free ground truth pairs lines by text; don't-care lines are ignored", () => {
  const s = scorePage(
    [{ text: "正品促销" }, { text: "日常价¥", dontCare: true }],
    [
      { text: "日常价", box: box(0) },
      { text: "正品促销", box: box(30) },
    ],
  );
  expect(s).toMatchObject({ gtChars: 4, lineErrors: 0, pageErrors: 0, predLines: 1 });
});

test("collapseWhitespace keeps single spaces and trims", () => {
  expect(collapseWhitespace("  To  facilitate\u3000the\tshot ")).toBe("To facilitate the shot");
});

test("raw measures see spaces, punctuation and full-width forms; line-exact needs the printed text", () => {
  const s = scorePage(
    [
      { text: "To facilitate the shot", box: box(0) },
      { text: "“引号”…", box: box(50) },
      { text: "完全一致。", box: box(100) },
    ],
    [
      { text: "Tofacilitatetheshot", box: box(0) },
      { text: '"引号"...', box: box(50) },
      { text: "完全一致。", box: box(100) },
    ],
  );
  // Whitespace-blind: only the quotes and the ellipsis differ (2 quotes + … → ... costs 3).
  expect(s).toMatchObject({ gtChars: 19 + 5 + 5, lineErrors: 2 + 3 });
  expect(s).toMatchObject({ rawGtChars: 22 + 5 + 5, rawLineErrors: 3 + 2 + 3, exactLines: 1 });
  const summary = summarizeScores([s]);
  expect(summary.rawCharAccuracy).toBeCloseTo(1 - 8 / 32);
  expect(summary.lineExactRate).toBeCloseTo(1 / 3);
});
