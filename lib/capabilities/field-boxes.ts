import type { Quad, TextLine } from "@/lib/ocr/types";

// Opt-in field positions for the structured endpoints (query `?return_field_boxes=true`):
// `field_boxes: { <field>: [x1,y1,…,x4,y4] }` in original-image pixels, like general OCR's `box`.
// Fields come from text lines, so a field's box is the bounding quad of the lines it was read
// from: a line that contains the value ("姓名张三" for 张三) or that is a piece of it (one line of
// a wrapped address). A value not found among the lines gets no box rather than a guessed one.

export const FIELD_BOXES_QUERY = "return_field_boxes";

export const wantsFieldBoxes = (query: URLSearchParams) => query.get(FIELD_BOXES_QUERY) === "true";

/** The licence's opt-in warnings, a query flag like the boxes (its body admits no extra key: 400007). */
export const LICENSE_WARNINGS_QUERY = "return_warnings";

export const wantsLicenseWarnings = (query: URLSearchParams) => query.get(LICENSE_WARNINGS_QUERY) === "true";

const squash = (text: string) => text.normalize("NFKC").replace(/[\s·•.,，。:：]/g, "");
/** Shared runs shorter than this are too ambiguous to attribute ("号", "1"). */
const MIN_PIECE = 3;

export function locateFields(lines: TextLine[], detail: Record<string, string | undefined>): Record<string, number[]> {
  const texts = lines.map((line) => squash(line.text));
  const boxes: Record<string, number[]> = {};
  for (const [field, value] of Object.entries(detail)) {
    const target = squash(value ?? "");
    if (!target) continue;
    const containing = lines.filter((_, i) => texts[i]!.includes(target));
    // A wrapped value: lines mostly made of a piece of it (a label may precede the first piece).
    const sources = containing.length
      ? [bestContaining(containing, target)]
      : lines.filter((_, i) => {
          const shared = longestCommonRun(texts[i]!, target);
          return shared >= MIN_PIECE && shared * 2 >= texts[i]!.length;
        });
    if (sources.length) boxes[field] = boundingQuad(sources.map((l) => l.box)).flat();
  }
  return boxes;
}

/** The value itself, else a "label + value" line, else the shortest line around it. */
function bestContaining(lines: TextLine[], target: string): TextLine {
  const rank = (line: TextLine) => {
    const text = squash(line.text);
    return (text === target ? 0 : text.endsWith(target) ? 1 : 2) * 1000 + text.length;
  };
  return lines.reduce((a, b) => (rank(b) < rank(a) ? b : a));
}

function longestCommonRun(a: string, b: string): number {
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) best = Math.max(best, (row[j] = prev[j - 1]! + 1));
    }
    prev = row;
  }
  return best;
}

function boundingQuad(quads: Quad[]): Quad {
  if (quads.length === 1) return quads[0]!;
  const xs = quads.flatMap((q) => q.map((p) => p[0]));
  const ys = quads.flatMap((q) => q.map((p) => p[1]));
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
}
