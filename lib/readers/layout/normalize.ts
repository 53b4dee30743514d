// Text normalisation shared by every extractor, the eval and the benchmark's scoring (samples/README.md: remove
// spaces, full-width ASCII → half-width).

const FULLWIDTH_OFFSET = 0xfee0;

/** Full-width ASCII (！..～, U+3000) → half-width; drops all whitespace. */
export function normalizeText(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code === 0x3000 || /\s/.test(ch)) continue;
    out += code >= 0xff01 && code <= 0xff5e ? String.fromCodePoint(code - FULLWIDTH_OFFSET) : ch;
  }
  return out;
}
