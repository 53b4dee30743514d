import type { TextLine } from "@/lib/ocr/types";
import { extractBusinessLicense } from "@/lib/readers/license/extract-fields";

/** What the fake engines of the gateway tests read from any picture: one line, "你好". */
export const fixedRead = () => ({
  ok: true as const,
  value: [
    {
      text: "你好",
      box: [
        [1, 2],
        [30, 2],
        [30, 12],
        [1, 12],
      ],
      score: 0.98,
    },
  ],
});

/** The licence reader task's answer for that same line (what the worker's task would return). */
export const fixedLicenseRead = () => {
  const lines = fixedRead().value as TextLine[];
  return { ok: true as const, value: { ...extractBusinessLicense(lines), lines } };
};
