/** A decoded character and the CTC frames it spans. */
export interface SpacedChar {
  char: string;
  first: number;
  last: number;
}

/**
 * Space-class probabilities (the largest on the frames between two characters) that mark a
 * printed space. Measured on rendered and real pages: inside a word the class stays below
 * 0.005; a printed space between Latin words or at a Chinese/Latin boundary gives 0.006–1; a
 * space between two Chinese characters (e.g. "第一条　甲方", "第1页 共4页") gives 0.01–0.04,
 * while neighbouring Chinese characters without one reach 0.006.
 */
export const SPACING_CONFIG = {
  latinOrMixed: 0.006,
  betweenChinese: 0.01,
} as const;

// Han, kana, Hangul (letters of text printed without spaces).
const CJK_LETTER = /[\u2e80-\u2fff\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;
// CJK punctuation and full-width forms: their glyphs carry their own spacing, so a gap next to
// them is never a space ("，甲方", "方（甲方）").
const FULL_WIDTH = /[\u3000-\u303f\ufe30-\ufe4f\uff00-\uffef]/u;

// ASCII punctuation: the recogniser often reads a full-width "（" "：" as "(" ":", whose glyph
// spacing then looks like a printed space next to a Chinese letter ("金额（元）").
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Space-class probability a gap between `a` and `b` needs to become a space; Infinity: never. */
function spaceThreshold(a: string, b: string): number {
  if (FULL_WIDTH.test(a) || FULL_WIDTH.test(b)) return Number.POSITIVE_INFINITY;
  const chineseA = CJK_LETTER.test(a);
  const chineseB = CJK_LETTER.test(b);
  if ((chineseA && ASCII_PUNCTUATION.test(b)) || (chineseB && ASCII_PUNCTUATION.test(a))) return Number.POSITIVE_INFINITY;
  return chineseA && chineseB ? SPACING_CONFIG.betweenChinese : SPACING_CONFIG.latinOrMixed;
}

/**
 * Joins decoded characters with one space in each gap the recogniser saw as printed space
 * (`gapSpace[i]`: its space-class probability between char i and i + 1).
 */
export function joinWithSpaces(chars: readonly SpacedChar[], gapSpace: readonly number[]): string {
  let text = chars[0]?.char ?? "";
  for (let i = 1; i < chars.length; i++) {
    const a = chars[i - 1]!.char;
    const b = chars[i]!.char;
    if (gapSpace[i - 1]! >= spaceThreshold(a, b)) text += " ";
    text += b;
  }
  return text;
}
