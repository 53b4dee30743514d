// Reads "label value" pairs from rows of tokens. A value is the text after its label up to
// the next label in the same row (two-column layouts put two pairs on one row); wrapped
// values continue on the following rows, left-aligned with the value, within the label's
// column, until a row in that column starts with another label.
import type { Row, Token } from "./layout";

export interface LabelSpec<K extends string> {
  key: K;
  /** Matches the label text (normalised, no spaces). */
  label: RegExp;
  /** How many extra rows the value may wrap onto. */
  maxWrapRows?: number;
  /** Also match inside a line ("性别男民族汉"); otherwise a label must start a line. */
  inline?: boolean;
}

export interface FieldValue {
  text: string;
  tokens: Token[];
  /** Left edge of the value's first line, in the upright frame. */
  x0: number;
  y0: number;
  y1: number;
  /** Where the value starts inside its first token (the label may share the token). */
  startIndex: number;
}

/** A row's text with, per character, the token it came from and its index there. */
interface RowText {
  text: string;
  at: { token: Token; index: number }[];
}

interface LabelHit<K extends string> {
  spec: LabelSpec<K>;
  start: number;
  end: number;
}

function rowText(row: Row): RowText {
  const at: RowText["at"] = [];
  for (const token of row.tokens) [...token.text].forEach((_, index) => at.push({ token, index }));
  return { text: row.tokens.map((t) => t.text).join(""), at };
}

/** x position of character `index` inside a token, assuming evenly spaced characters. */
function charX(token: Token, index: number): number {
  return token.x0 + ((token.x1 - token.x0) * index) / Math.max([...token.text].length, 1);
}

// Labels printed with wide letter spacing ("名　　称") arrive split over several tokens, so
// labels are matched on the row's joined text.
function findLabels<K extends string>(row: RowText, specs: LabelSpec<K>[]): LabelHit<K>[] {
  const chars = [...row.text];
  const hits: LabelHit<K>[] = [];
  for (const spec of specs) {
    for (const m of row.text.matchAll(new RegExp(spec.label.source, "g"))) {
      const start = [...row.text.slice(0, m.index)].length;
      const end = start + [...m[0]].length;
      if (end === start || end > chars.length) continue;
      if (!spec.inline && row.at[start]!.index !== 0) continue;
      hits.push({ spec, start, end });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  return hits.filter((h, i) => !hits.slice(0, i).some((o) => h.start < o.end));
}

function startsWithLabel<K extends string>(row: Row, token: Token, specs: LabelSpec<K>[]): boolean {
  const rest = row.tokens.slice(row.tokens.indexOf(token));
  const text = rest.map((t) => t.text).join("");
  return specs.some((s) => new RegExp(`^(?:${s.label.source})`).test(text));
}

export function readLabelledFields<K extends string>(rows: Row[], specs: LabelSpec<K>[]): Partial<Record<K, FieldValue>> {
  const out: Partial<Record<K, FieldValue>> = {};
  rows.forEach((row, rowIndex) => {
    const text = rowText(row);
    const hits = findLabels(text, specs);
    hits.forEach((hit, i) => {
      const key = hit.spec.key;
      if (out[key]) return;
      const next = hits[i + 1];
      const stop = next ? next.start : text.at.length;
      const valueChars = text.at.slice(hit.end, stop);
      const labelStart = text.at[hit.start]!;
      const labelHeight = labelStart.token.y1 - labelStart.token.y0;
      const first = valueChars[0];
      const labelEnd = text.at[hit.end - 1]!;
      const value: FieldValue = {
        text: [...text.text].slice(hit.end, stop).join(""),
        tokens: [...new Set(valueChars.map((c) => c.token))],
        x0: first ? charX(first.token, first.index) : charX(labelEnd.token, labelEnd.index + 1) + labelHeight,
        y0: row.y0,
        y1: row.y1,
        startIndex: first?.index ?? 0,
      };
      const nextAt = next ? text.at[next.start]! : null;
      appendWrappedRows(value, rows.slice(rowIndex + 1), specs, hit.spec.maxWrapRows ?? 0, {
        columnLeft: charX(labelStart.token, labelStart.index) - labelHeight,
        columnRight: nextAt ? charX(nextAt.token, nextAt.index) - labelHeight / 2 : Number.POSITIVE_INFINITY,
        lineHeight: labelHeight,
      });
      out[key] = value;
    });
  });
  return out;
}

function appendWrappedRows<K extends string>(
  value: FieldValue,
  below: Row[],
  specs: LabelSpec<K>[],
  maxRows: number,
  col: { columnLeft: number; columnRight: number; lineHeight: number },
): void {
  let bottom = value.y1;
  let added = 0;
  for (const row of below) {
    if (added === maxRows || row.y0 - bottom > 1.2 * col.lineHeight) return;
    const inColumn = row.tokens.filter((t) => t.x0 >= col.columnLeft && t.x0 < col.columnRight);
    // Rows of the other column interleave with this one's.
    if (inColumn.length === 0) continue;
    if (inColumn.some((t) => startsWithLabel(row, t, specs))) return;
    const first = inColumn.find((t) => Math.abs(t.x0 - value.x0) < 1.5 * col.lineHeight);
    if (!first) return;
    const rest = inColumn.filter((t) => t.x0 >= first.x0);
    value.text += rest.map((t) => t.text).join("");
    value.tokens.push(...rest);
    bottom = row.y1;
    added++;
  }
}
