// Careful repair of misread look-alike characters: a repair is accepted only when exactly
// one combination of substitutions turns the string into a valid code (issue: "only when
// exactly one repair yields a valid number").

/** Characters an OCR engine confuses, mapped to what they may really be. */
const LOOKALIKES: Record<string, string> = {
  O: "0D",
  o: "0",
  D: "0",
  Q: "0",
  U: "0",
  "0": "ODQU",
  I: "1",
  l: "1",
  i: "1",
  "|": "1",
  "1": "I",
  B: "8",
  "8": "B",
  S: "5",
  s: "5",
  "5": "S",
  Z: "2",
  z: "2",
  "2": "Z",
  G: "6",
  b: "6",
  "6": "G",
  T: "7",
  "7": "T",
  g: "9",
  q: "9",
  x: "X",
  "×": "X",
  X: "",
};

/** Enumerating more combinations than this makes a unique valid one meaningless. */
const MAX_COMBINATIONS = 4096;

/**
 * Returns the single valid reading of `raw`, or null when none or several exist.
 * `allowed(pos)` is the character set legal at a position; `isValid` checks the whole code.
 * A valid `raw` is kept as is. Otherwise illegal characters are replaced first; only if that
 * finds nothing are legal look-alikes (8↔B, 0↔D, …) swapped too.
 */
export function repairLookalikes(raw: string, allowed: (pos: number) => string, isValid: (code: string) => boolean): string | null {
  if (isValid(raw)) return raw;
  for (const swapLegal of [false, true]) {
    const options: string[][] = [];
    for (let i = 0; i < raw.length; i++) {
      const ch = raw[i]!;
      const legal = allowed(i);
      const keep = legal.includes(ch);
      const alts = keep && !swapLegal ? [ch] : [ch, ...(LOOKALIKES[ch] ?? ""), ch.toUpperCase()];
      options.push(alts.filter((c, k, all) => legal.includes(c) && all.indexOf(c) === k));
    }
    if (options.some((o) => o.length === 0)) return null;
    if (options.reduce((n, o) => n * o.length, 1) > MAX_COMBINATIONS) return null;
    const valid = new Set<string>();
    const walk = (i: number, prefix: string) => {
      if (valid.size > 1) return;
      if (i === options.length) {
        if (isValid(prefix)) valid.add(prefix);
        return;
      }
      for (const c of options[i]!) walk(i + 1, prefix + c);
    };
    walk(0, "");
    if (valid.size === 1) return [...valid][0]!;
    if (valid.size > 1) return null;
  }
  return null;
}

/**
 * `raw` as read, each character illegal at its position replaced by its first legal look-alike
 * (O → 0 among digits); what has no legal look-alike stays as read. For a code that fails its
 * check and has no unique repair: the caller returns what is printed, and flags it.
 */
export function asReadLookalikes(raw: string, allowed: (pos: number) => string): string {
  return [...raw]
    .map((ch, pos) => {
      const legal = allowed(pos);
      if (legal.includes(ch)) return ch;
      return [...(LOOKALIKES[ch] ?? "")].find((c) => legal.includes(c)) ?? ch;
    })
    .join("");
}
