// Template-constrained CTC decoding: the best alignment (Viterbi) among those whose collapsed
// label sequence follows a template (one set of allowed characters per position), so a misread
// "0" where only letters are allowed cannot survive — the model's next-best allowed character
// wins instead. Readers supply the templates (plate grammar, the 民族 names).

export interface CtcPosterior {
  /** steps × classes, row-major, each row a probability distribution; class 0 = blank. */
  data: Float32Array;
  steps: number;
  classes: number;
}

export interface ConstrainedDecode {
  text: string;
  /** Log probability of the best alignment. */
  logProb: number;
  /** Per character: its highest posterior over the frames it occupies. */
  charProbs: number[];
  /** Per character: the frame of that highest posterior (where the character is in the crop). */
  frames: number[];
}

interface Path {
  score: number;
  chars: number[];
  peaks: number[];
  frames: number[];
}

const LOG_FLOOR = -1e4;

const log = (p: number) => (p > 0 ? Math.log(p) : LOG_FLOOR);

export function decodeWithTemplate(
  posterior: CtcPosterior,
  dictionary: readonly string[],
  template: readonly string[],
  /** Characters the template never allows, read where their twin was printed: their probability counts for the twin (a plate's "O" for "0"). */
  twins: Readonly<Record<string, string>> = {},
): ConstrainedDecode | null {
  const { data, steps, classes } = posterior;
  const K = template.length;
  if (steps < K) return null;
  const allowed = template.map((set) =>
    dictionary.flatMap((ch, index) => (index > 0 && index < classes && set.includes(ch) ? [index] : [])),
  );
  if (allowed.some((a) => a.length === 0)) return null;
  const aliases = new Map<number, number[]>();
  dictionary.forEach((ch, index) => {
    const alias = [...(twins[ch] ?? "")].map((t) => dictionary.indexOf(t)).filter((i) => i > 0 && i < classes);
    if (alias.length) aliases.set(index, alias);
  });
  const prob = (row: number, c: number) => (aliases.get(c) ?? []).reduce((p, t) => p + data[row + t]!, data[row + c]!);

  // blank[k]: k characters emitted, current frame blank; char[k]: class → path whose
  // k-th character (1-based) is that class and occupies the current frame.
  let blank: (Path | null)[] = Array.from({ length: K + 1 }, (_, k) => (k === 0 ? { score: 0, chars: [], peaks: [], frames: [] } : null));
  let char: Map<number, Path>[] = Array.from({ length: K + 1 }, () => new Map());

  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    const nextBlank: (Path | null)[] = Array.from({ length: K + 1 }, () => null);
    const nextChar: Map<number, Path>[] = Array.from({ length: K + 1 }, () => new Map());
    for (let k = 0; k <= K; k++) {
      let best = blank[k];
      for (const p of char[k]!.values()) if (!best || p.score > best.score) best = p;
      if (best) nextBlank[k] = { ...best, score: best.score + log(data[row]!) };
      if (k === 0) continue;
      // Best predecessor with k-1 characters, excluding each class (no repeat without blank).
      const prevChars = [...char[k - 1]!.entries()].sort((a, b) => b[1].score - a[1].score);
      for (const c of allowed[k - 1]!) {
        const p = prob(row, c);
        const lp = log(p);
        const stay = char[k]!.get(c);
        const fromChar = prevChars.find(([pc]) => pc !== c)?.[1] ?? null;
        const fromBlank = blank[k - 1] ?? null;
        const enter = !fromChar || (fromBlank && fromBlank.score >= fromChar.score) ? fromBlank : fromChar;
        if (stay && (!enter || stay.score >= enter.score)) {
          const higher = p > stay.peaks[k - 1]!;
          nextChar[k]!.set(c, {
            score: stay.score + lp,
            chars: stay.chars,
            peaks: higher ? stay.peaks.with(k - 1, p) : stay.peaks,
            frames: higher ? stay.frames.with(k - 1, t) : stay.frames,
          });
        } else if (enter) {
          nextChar[k]!.set(c, {
            score: enter.score + lp,
            chars: [...enter.chars, c],
            peaks: [...enter.peaks, p],
            frames: [...enter.frames, t],
          });
        }
      }
    }
    blank = nextBlank;
    char = nextChar;
  }

  let best = blank[K];
  for (const p of char[K]!.values()) if (!best || p.score > best.score) best = p;
  if (!best || best.score <= LOG_FLOOR / 2) return null;
  return {
    text: best.chars.map((c) => dictionary[c]).join(""),
    logProb: best.score,
    charProbs: best.peaks,
    frames: best.frames,
  };
}
