/**
 * The document measures of `npm run eval -- --only document`, read the way general OCR answers
 * `?return_paragraphs=true&return_tables=true` (the worker's document task):
 * - character accuracy of every general page (../shared/samples synthetic/general and the
 *   generated pages, scripts/fixtures/documents/pages.ts) upright and turned by 90°, 180°, 270°,
 *   and how many upright pages were read as turned;
 * - reading order on the generated multi-column pages (scripts/scoring/layout-score.ts), against
 *   the plain `detail` order as the baseline;
 * - table cells on the generated table pages.
 */
import fs from "node:fs";
import path from "node:path";

import sharp from "sharp";

import type { OcrEngine } from "../lib/ocr/engine-core";
import type { Quad } from "../lib/ocr/types";
import { readDocumentFile } from "../lib/readers/document/on-worker";
import { generatePages, type PageTruth } from "./fixtures/documents/pages";
import { type Cell, pairLines, scoreReadingOrder, scoreTable, toQuad } from "./scoring/layout-score";
import { type PageScore, scorePage, summarizeScores } from "./scoring/score-page";

const MULTI_COLUMN = new Set(["two-column", "three-column", "side-notes"]);

interface GeneralPage {
  set: string;
  file: string;
  width: number;
  height: number;
  lines: { text: string; box: Quad }[];
  truth?: PageTruth;
}

function readSet(set: string, dir: string): GeneralPage[] {
  const file = path.join(dir, "gt.json");
  if (!fs.existsSync(file)) return [];
  const images = JSON.parse(fs.readFileSync(file, "utf8")).images as Record<string, PageTruth & { meta?: { kind: string } }>;
  return Object.entries(images).map(([name, v]) => {
    const lines = v.lines.map((l) => ({ text: l.text, box: toQuad(l.box) }));
    const derived = v.meta?.kind === "table" ? gridOfLines(lines) : null;
    return {
      set,
      file: path.join(dir, name),
      width: v.width,
      height: v.height,
      lines,
      truth: v.tables ? v : derived ? { ...v, kind: "sample-table", paragraphs: [], tables: [derived] } : undefined,
    };
  });
}

/**
 * The samples' tables carry no cells, only one line per cell: their grid is derived from the
 * labelled lines (rows by line centre after undoing the skew, columns by rank in the row), over
 * the longest run of rows that all have the same number (≥ 3) of lines; title and notes fall out.
 */
function gridOfLines(lines: { text: string; box: Quad }[]): PageTruth["tables"][number] | null {
  const [dx, dy] = lines.reduce(([x, y], l) => [x + l.box[1][0] - l.box[0][0], y + l.box[1][1] - l.box[0][1]], [0, 0]);
  const a = Math.atan2(dy, dx);
  const items = lines
    .map((l) => {
      const cx = l.box.reduce((n, p) => n + p[0], 0) / 4;
      const cy = l.box.reduce((n, p) => n + p[1], 0) / 4;
      return {
        text: l.text,
        u: cx * Math.cos(a) + cy * Math.sin(a),
        v: -cx * Math.sin(a) + cy * Math.cos(a),
        h: Math.hypot(l.box[3][0] - l.box[0][0], l.box[3][1] - l.box[0][1]),
      };
    })
    .sort((p, q) => p.v - q.v);
  const rows: (typeof items)[] = [];
  for (const it of items) {
    const row = rows.at(-1);
    if (row && it.v - row[0]!.v < 0.6 * it.h) row.push(it);
    else rows.push([it]);
  }
  let best: (typeof items)[] = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i;
    while (j < rows.length && rows[j]!.length === rows[i]!.length && rows[i]!.length >= 3) j++;
    if (j - i > best.length) best = rows.slice(i, j);
  }
  if (best.length < 2) return null;
  const cells = best.flatMap((row, r) =>
    row.sort((p, q) => p.u - q.u).map((it, c) => ({ row: r, col: c, rowspan: 1, colspan: 1, text: it.text })),
  );
  return { rows: best.length, cols: best[0]!.length, cells };
}

/** A point of the upright picture in the picture turned clockwise by `turn`. */
function turnPoint([x, y]: [number, number], turn: number, width: number, height: number): [number, number] {
  if (turn === 90) return [height - y, x];
  if (turn === 180) return [width - x, height - y];
  if (turn === 270) return [y, width - x];
  return [x, y];
}

async function inPool<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export async function evaluateDocuments(
  engine: OcrEngine,
  {
    pagesDir,
    samplesDir,
    limit,
    turns,
    workers,
  }: { pagesDir: string; samplesDir: string; limit: number; turns: readonly number[]; workers: number },
) {
  if (!fs.existsSync(path.join(pagesDir, "gt.json"))) generatePages(pagesDir);
  const pages = [
    ...readSet("samples", path.join(samplesDir, "synthetic", "general")).slice(0, limit),
    ...readSet("pages", pagesDir).slice(0, limit),
  ];
  const accuracy = new Map<string, PageScore[]>();
  let turnedUpright = 0;
  let uprightPages = 0;
  const order = { pages: 0, paragraphs: 0, sequence: 0, baselineSequence: 0 };
  const cells = { right: 0, total: 0 };
  const sampleCells = { right: 0, total: 0 };
  const rows: string[] = [];
  // One page per worker at a time: the document task runs whole on one worker.
  await inPool(pages, workers, async (page) => {
    for (const turn of turns) {
      const bytes = new Uint8Array(await sharp(page.file).rotate(turn).png().toBuffer());
      const read = await readDocumentFile(engine, bytes, { maxBytes: 10 << 20 });
      if (!read.ok) throw new Error(`${page.file}: ${read.kind}`);
      const reading = read.value;
      const truthLines = page.lines.map((l) => ({
        text: l.text,
        box: l.box.map((p) => turnPoint(p, turn, page.width, page.height)) as Quad,
      }));
      const key = `${page.set} ${String(turn).padStart(3)}°`;
      accuracy.set(key, [...(accuracy.get(key) ?? []), scorePage(truthLines, reading.lines)]);
      if (turn !== 0) continue;
      uprightPages++;
      if (reading.turn !== 0) turnedUpright++;
      const truth = page.truth;
      if (!truth) continue;
      const pairs = pairLines(
        truthLines.map((l) => l.box),
        reading.lines.map((l) => l.box),
      );
      if (MULTI_COLUMN.has(truth.kind)) {
        const ours = scoreReadingOrder(
          truth.paragraphs,
          reading.paragraphs.map((p) => p.lines),
          pairs,
        );
        const baseline = scoreReadingOrder(truth.paragraphs, [reading.lines.map((_, i) => i)], pairs);
        order.pages++;
        if (ours.paragraphs) order.paragraphs++;
        if (ours.sequence) order.sequence++;
        if (baseline.sequence) order.baselineSequence++;
        if (!ours.paragraphs)
          console.log(
            `  ${path.basename(page.file)} (${truth.kind}): paragraphs ${ours.sequence ? "grouped differently" : "out of order"}`,
          );
      }
      for (const table of truth.tables) {
        const score = scoreTable(
          table.cells,
          reading.tables.map((t) => t.cells as Cell[]),
        );
        const tally = truth.kind === "sample-table" ? sampleCells : cells;
        tally.right += score.right;
        tally.total += score.total;
        if (score.right < score.total) console.log(`  ${path.basename(page.file)} (${truth.kind}): ${score.right}/${score.total} cells`);
      }
    }
  });
  for (const [key, scores] of accuracy) {
    const s = summarizeScores(scores);
    rows.push(
      `document ${key.padEnd(14)} ${s.images} pages  char accuracy ${pct(s.charAccuracy)}  page text ${pct(s.pageCharAccuracy)}  F1 ${pct(s.f1)}`,
    );
  }
  rows.push(`document upright pages read as turned: ${turnedUpright}/${uprightPages}`);
  rows.push(
    `document reading order on ${order.pages} multi-column pages: paragraphs right ${order.paragraphs}, line order right ${order.sequence} (detail order: ${order.baselineSequence})`,
  );
  const share = (c: { right: number; total: number }) => `${c.right}/${c.total} (${c.total ? pct(c.right / c.total) : "—"})`;
  rows.push(
    `document table cells right: generated pages ${share(cells)}, sample tables (grid derived from their lines) ${share(sampleCells)}`,
  );
  return {
    rows,
    report: {
      accuracy: Object.fromEntries([...accuracy].map(([k, s]) => [k, summarizeScores(s)])),
      turnedUpright,
      uprightPages,
      order,
      cells,
      sampleCells,
    },
  };
}
