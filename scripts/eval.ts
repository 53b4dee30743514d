/**
 * Accuracy of the structured capabilities (ID card, business licence, plates), ours vs a peer
 * (tesseract 5 chi_sim + keyword/regex extraction), on the generated set
 * (scripts/fixtures/documents) and, when present, ../shared/samples (read in place, never copied).
 * Plates: ours (this checkout's worker bundle, as the API runs it), optionally "before" (another
 * checkout's bundle, `--before-worker <dir>/.ocr-worker/ocr-worker.mjs`) and the general-OCR peer
 * (the same PP-OCRv4 pipeline over the whole picture + a plate regular expression), on the
 * samples, the CCPD validation crops c600–c749 (upscaled ×4 and squashed to 96×96) and the
 * generated scenes; see scripts/scoring/plate-score.ts for the measures.
 * General text (`text`): the pages of scripts/scoring/text-sets.ts read whole, lines paired by
 * text for both engines (the peer gives no boxes); character accuracy whitespace-blind and as
 * printed, and the share of lines read exactly.
 * ID cards and licences are also read turned by each of `--rotations` (default 0,90,180,270,
 * clockwise; the turned copies are lossless PNGs under bench-results/rotated/), through the
 * reader tasks the API uses (decoded and read on a worker); latency is per picture, ours alone.
 * Usage: npm run eval -- [--only idcard|license|plate|text|document] [--sets name,name] [--limit N] [--no-peer] [--before-worker FILE] [--rotations 0,90,…]
 *   [--peer-rotations 0,…] (card/licence sets: repo-synthetic,repo-hard,samples-synthetic,samples-real)
 * (`document`, only when asked for: general pages read as documents, each turned by `--rotations`,
 * reading order and tables; scripts/eval-document.ts)
 * Writes bench-results/eval-<time>.json.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

import sharp from "sharp";

import { extractBusinessLicense } from "@/lib/readers/license/extract-fields";
import { extractIdCard } from "@/lib/readers/idcard/extract-fields";
import { normalizeText } from "@/lib/readers/layout/normalize";
import { readIdCardFile } from "@/lib/readers/idcard/on-worker";
import { readLicenseFile } from "@/lib/readers/license/on-worker";
import { createOcrEngine, type OcrEngine } from "../lib/ocr/engine-core";
import { isValidPlate } from "@/lib/readers/plate/grammar";
import { PLATES_TASK } from "@/lib/readers/plate/on-worker";
import type { PlateReading } from "@/lib/readers/plate/read-plates";
import type { Quad, RgbImage } from "../lib/ocr/types";
import { evaluateDocuments } from "./eval-document";
import { DOCUMENTS_DIR, generateDocuments } from "./fixtures/documents/generate";
import {
  newPlateScore,
  type PlateAnswer,
  type PlateScore,
  type PlateTruth,
  percentile,
  plateRow,
  reliabilityRow,
  reliabilityTable,
  scorePlates,
} from "./scoring/plate-score";
import { type PageScore, scorePage, summarizeScores } from "./scoring/score-page";
import { TEXT_SETS, collectTextImages } from "./scoring/text-sets";
import { collapseWhitespace } from "./scoring/text-metrics";
import { generateHardCases, HARD_DIR } from "./fixtures/documents/hard-cases";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");
const SAMPLES = path.resolve(ROOT, "../shared/samples");

type Capability = "idcard" | "license" | "plate" | "text" | "document";
type Fields = Record<string, string>;

interface Args {
  only: Capability | null;
  limit: number;
  peer: boolean;
  beforeWorker: string | null;
  /** Data sets to run (by name), all when null. */
  sets: string[] | null;
  rotations: number[];
  /** Turns the peer also reads (tesseract is slow): by default all of `rotations`. */
  peerRotations: number[];
}

function parseArgs(argv: string[]): Args {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = value("--only");
  if (only && !["idcard", "license", "plate", "text", "document"].includes(only)) throw new Error(`--only ${only}?`);
  const rotations = (value("--rotations") ?? "0,90,180,270").split(",").map(Number);
  if (rotations.some((r) => ![0, 90, 180, 270].includes(r))) throw new Error(`--rotations ${rotations}? (0, 90, 180, 270)`);
  const peerRotations = value("--peer-rotations")?.split(",").map(Number) ?? rotations;
  return {
    only: (only as Capability) ?? null,
    limit: Number(value("--limit") ?? Infinity),
    peer: !argv.includes("--no-peer"),
    beforeWorker: value("--before-worker") ?? null,
    sets: value("--sets")?.split(",") ?? null,
    rotations,
    peerRotations,
  };
}

const ROTATED_DIR = path.join(ROOT, "bench-results", "rotated");

/** The sample turned clockwise by `degrees` (EXIF applied first), as a lossless file both readers get. */
async function rotated(file: string, degrees: number, set: string): Promise<string> {
  if (degrees === 0) return file;
  const out = path.join(ROTATED_DIR, set, `${path.basename(file).replace(/\.\w+$/, "")}-r${degrees}.png`);
  if (!fs.existsSync(out)) {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await sharp(file).rotate().rotate(degrees).png({ compressionLevel: 1 }).toFile(out);
  }
  return out;
}

async function loadImage(file: string | Buffer): Promise<RgbImage> {
  const { data, info } = await sharp(file).rotate().flatten({ background: "#ffffff" }).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

/** Tesseract's lines, normalised (`raw`: as read, whitespace runs collapsed). */
async function tesseract(file: string, psm: number, { lang = "chi_sim", raw = false } = {}): Promise<string[]> {
  const { stdout } = await run("tesseract", [file, "stdout", "-l", lang, "--psm", String(psm)], { maxBuffer: 1 << 24 });
  return stdout
    .split("\n")
    .map(raw ? collapseWhitespace : normalizeText)
    .filter(Boolean);
}

// ---------- datasets ----------

interface Sample<T> {
  file: string;
  truth: T;
  /** The bytes sent, when not the file as it is (the CCPD crops are resized first). */
  bytes?: () => Promise<Buffer>;
}

interface IdTruth {
  side: string;
  fields: Fields;
}
interface LicenseTruth {
  license_type: string;
  fields: Fields;
}

function readGt(dir: string): Record<string, Record<string, unknown>> | null {
  const file = path.join(dir, "gt.json");
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")).images : null;
}

function syntheticSets(root: string) {
  const id = readGt(path.join(root, "idcard"));
  const lic = readGt(path.join(root, "license"));
  const plate = readGt(path.join(root, "plate"));
  const entries = <T>(dir: string, gt: Record<string, Record<string, unknown>> | null, map: (v: Record<string, unknown>) => T) =>
    gt ? Object.entries(gt).map(([f, v]) => ({ file: path.join(root, dir, f), truth: map(v) })) : [];
  return {
    idcard: entries<IdTruth>("idcard", id, (v) => ({ side: v.side as string, fields: v.fields as Fields })),
    license: entries<LicenseTruth>("license", lic, (v) => ({ license_type: v.license_type as string, fields: v.fields as Fields })),
    plate: entries<PlateTruth>("plate", plate, (v) => ({
      scored: (v.plates as { platelicense: string; plate_type: string; box: Quad }[]).map((p) => ({
        text: p.platelicense,
        type: p.plate_type,
        box: p.box,
      })),
      ignored: 0,
    })),
  };
}

function realPlates(): Sample<PlateTruth>[] {
  const file = path.join(SAMPLES, "real", "labels.json");
  if (!fs.existsSync(file)) return [];
  const labels = JSON.parse(fs.readFileSync(file, "utf8")).images as Record<string, Record<string, unknown>>;
  return Object.entries(labels)
    .filter(([, v]) => v.kind === "plate" && !v.exclude)
    .map(([name, v]) => {
      const plates = v.plates as { platelicense: string; plate_type: string; uncertain?: boolean; in_scope?: boolean }[];
      const counts = (p: (typeof plates)[number]) => !p.uncertain && p.in_scope !== false && !p.platelicense.includes("?");
      return {
        file: path.join(SAMPLES, "real", name),
        truth: {
          scored: plates.filter(counts).map((p) => ({ text: p.platelicense, type: p.plate_type })),
          ignored: plates.filter((p) => !counts(p)).length,
        },
      };
    });
}

const CCPD = path.resolve(ROOT, "../shared/plates/ccpd-crops");
/** The crops kept apart for validation (the plate recogniser's training leaves them out). */
const CCPD_VALIDATION = [600, 749] as const;

/**
 * The CCPD validation crops as a user would send them: the API refuses pictures under 32 px,
 * so upscaled ×4 (376×96), or squashed to 96×96 as some crop tools save them.
 */
function ccpdCrops(shape: "upscaled" | "square"): Sample<PlateTruth>[] {
  const file = path.join(CCPD, "labels.json");
  if (!fs.existsSync(file)) return [];
  const labels = JSON.parse(fs.readFileSync(file, "utf8")).images as Record<string, { platelicense: string }>;
  const [width, height] = shape === "upscaled" ? [376, 96] : [96, 96];
  return Object.entries(labels)
    .filter(([name]) => {
      const n = Number(name.slice(1, 4));
      return n >= CCPD_VALIDATION[0] && n <= CCPD_VALIDATION[1];
    })
    .map(([name, v]) => ({
      file: path.join(CCPD, name),
      // All CCPD plates are blue or (new-energy, 8 characters) green.
      truth: { scored: [{ text: v.platelicense, type: [...v.platelicense].length === 8 ? "绿牌" : "蓝牌" }], ignored: 0 },
      bytes: () => sharp(path.join(CCPD, name)).resize(width, height, { fit: "fill" }).png().toBuffer(),
    }));
}

/** Pictures that are none of the three documents: general synthetic pages and real text images. */
function wrongKindImages(): string[] {
  const general = path.join(SAMPLES, "synthetic", "general");
  const labels = path.join(SAMPLES, "real", "labels.json");
  const real = fs.existsSync(labels)
    ? Object.entries(JSON.parse(fs.readFileSync(labels, "utf8")).images as Record<string, Record<string, unknown>>)
        .filter(([, v]) => v.kind === "text" && !v.exclude)
        .map(([name]) => path.join(SAMPLES, "real", name))
    : [];
  const pages = fs.existsSync(general)
    ? fs
        .readdirSync(general)
        .filter((f) => /\.(jpe?g|png)$/.test(f))
        .map((f) => path.join(general, f))
    : [];
  return [...pages, ...real];
}

// ---------- recognisers ----------

const ID_KEYS = ["name", "sex", "nation", "birthday", "idn", "addr", "org", "validperiod"] as const;
const LICENSE_KEYS = [
  "union_id",
  "regist_no",
  "name",
  "type",
  "addr",
  "legal_rep",
  "regist_captial",
  "establish_date",
  "operation_period",
  "real_captial",
] as const;

interface IdAnswer {
  note: string;
  detail: Fields;
}
interface LicenseAnswer {
  license_type: string;
  detail: Fields;
}

const DECODE = { maxBytes: 64 << 20 };

const ours = (engine: OcrEngine) => ({
  async idcard(file: string): Promise<IdAnswer> {
    const read = await readIdCardFile(engine, fs.readFileSync(file), DECODE, { withPortrait: false });
    if (!read.ok) throw new Error(`${file}: ${read.kind}`);
    return { note: read.value.side, detail: { ...read.value.detail } };
  },
  async license(file: string): Promise<LicenseAnswer> {
    const read = await readLicenseFile(engine, fs.readFileSync(file), DECODE);
    if (!read.ok) throw new Error(`${file}: ${read.kind}`);
    const r = read.value;
    return { license_type: r.isLicense ? "Business License" : "Not Business License", detail: { ...r.detail } };
  },
});

/** A plate reader run on a worker bundle's plate task, as the API runs it (ours, or another checkout's: "before"). */
const plateTask = (engine: OcrEngine) => async (file: Uint8Array) => {
  const read = await engine.readFile<PlateReading[]>(file, PLATE_DECODE, { name: PLATES_TASK, params: { allTypes: false } });
  if (!read.ok) throw new Error(`not decoded: ${read.kind}`);
  return read.value.map((p) => ({ text: p.text, type: p.plateType, box: p.box, confidence: p.confidence }));
};

const PLATE_PATTERN = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][A-Z0-9]{5,6}/g;

/** The general-OCR peer: the whole picture through the text pipeline, then a plate regular expression. */
const generalOcrPlates = (engine: OcrEngine) => async (file: Uint8Array) => {
  const image = await loadImage(Buffer.from(file));
  const lines = await engine.recognize(image);
  return lines.flatMap((line) => {
    const text = normalizeText(line.text).replace(/[·.\-\s]/g, "");
    return (text.match(PLATE_PATTERN) ?? [])
      .filter(isValidPlate)
      .map((t) => ({ text: t, type: [...t].length === 8 ? "绿牌" : "蓝牌", box: line.box }));
  });
};

const after = (lines: string[], label: RegExp) => {
  for (const l of lines) {
    const m = label.exec(l);
    if (m) return l.slice(m.index + m[0].length);
  }
  return "";
};

// The peer: tesseract's page text with the keyword/regex extraction a quick integration would do.
const peer = {
  async idcard(file: string): Promise<IdAnswer> {
    const lines = await tesseract(file, 3);
    const text = lines.join("\n");
    const note = /姓名|公民身份|住址/.test(text) ? "back" : /签发机关|有效期限/.test(text) ? "front" : "";
    const birth = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
    const detail: Fields = Object.fromEntries(ID_KEYS.map((k) => [k, ""]));
    if (note === "back") {
      detail.name = after(lines, /姓名/);
      detail.sex = /性别(男|女)/.exec(text)?.[1] ?? "";
      detail.nation = after(lines, /民族/);
      detail.birthday = birth ? `${birth[1]}${birth[2]!.padStart(2, "0")}${birth[3]!.padStart(2, "0")}` : "";
      detail.idn = /\d{17}[\dX]/.exec(text)?.[0] ?? "";
      detail.addr = after(lines, /住址/);
    } else if (note === "front") {
      detail.org = after(lines, /签发机关/);
      detail.validperiod = /\d{4}\.\d{2}\.\d{2}-(?:\d{4}\.\d{2}\.\d{2}|长期)/.exec(text)?.[0] ?? "";
    }
    return { note, detail };
  },
  async license(file: string): Promise<LicenseAnswer> {
    const lines = await tesseract(file, 3);
    const text = lines.join("\n");
    const isLicense = /营业执照/.test(text) || (text.match(/统一社会信用代码|法定代表人|注册资本|成立日期|营业期限/g) ?? []).length >= 3;
    const detail: Fields = Object.fromEntries(LICENSE_KEYS.map((k) => [k, ""]));
    if (isLicense) {
      detail.union_id = /[0-9A-Z]{18}/.exec(text)?.[0] ?? "";
      detail.regist_no = /注册号(\d{15})/.exec(text)?.[1] ?? "";
      detail.name = after(lines, /名称/);
      detail.type = after(lines, /类型/);
      detail.addr = after(lines, /住所/);
      detail.legal_rep = after(lines, /法定代表人/);
      detail.regist_captial = after(lines, /注册资本/);
      detail.real_captial = after(lines, /实收资本/);
      detail.establish_date = after(lines, /成立日期/);
      detail.operation_period = after(lines, /营业期限/);
    }
    return { license_type: isLicense ? "Business License" : "Not Business License", detail };
  },
};

// ---------- scoring ----------

interface DocScore {
  fields: Record<string, { right: number; total: number }>;
  docs: { right: number; total: number };
  type: { right: number; total: number };
}

const newDocScore = (): DocScore => ({ fields: {}, docs: { right: 0, total: 0 }, type: { right: 0, total: 0 } });
const tally = (s: { right: number; total: number }, ok: boolean) => {
  s.total++;
  if (ok) s.right++;
};
const same = (a: string | undefined, b: string | undefined) => normalizeText(a ?? "") === normalizeText(b ?? "");

const BACK_KEYS = ["name", "sex", "nation", "birthday", "idn", "addr"];
const FRONT_KEYS = ["org", "validperiod"];

function scoreId(score: DocScore, truth: IdTruth, answer: IdAnswer): string[] {
  tally(score.type, answer.note === truth.side);
  const wrong: string[] = [];
  for (const key of truth.side === "back" ? BACK_KEYS : FRONT_KEYS) {
    const ok = same(answer.detail[key], truth.fields[key]);
    tally((score.fields[key] ??= { right: 0, total: 0 }), ok);
    if (!ok) wrong.push(`${key}: ${answer.detail[key] || "∅"} ≠ ${truth.fields[key]}`);
  }
  const all = answer.note === truth.side && ID_KEYS.every((k) => same(answer.detail[k], truth.fields[k]));
  tally(score.docs, all);
  return all ? [] : wrong.length ? wrong : [`note ${answer.note || "∅"} ≠ ${truth.side}`];
}

function scoreLicense(score: DocScore, truth: LicenseTruth, answer: LicenseAnswer): string[] {
  tally(score.type, answer.license_type === truth.license_type);
  const wrong: string[] = [];
  if (truth.license_type === "Business License") {
    for (const key of LICENSE_KEYS) {
      const ok = same(answer.detail[key], truth.fields[key]);
      tally((score.fields[key] ??= { right: 0, total: 0 }), ok);
      if (!ok) wrong.push(`${key}: ${answer.detail[key] || "∅"} ≠ ${truth.fields[key] || "∅"}`);
    }
  }
  const ok = answer.license_type === truth.license_type && wrong.length === 0;
  tally(score.docs, ok);
  return ok ? [] : wrong.length ? wrong : [`type ${answer.license_type}`];
}

// ---------- general text ----------

const NO_BOX: readonly [number, number][] = [
  [0, 0],
  [0, 0],
  [0, 0],
  [0, 0],
];

async function evaluateText(engine: OcrEngine, args: Args, report: Record<string, unknown>): Promise<string[]> {
  const images = await collectTextImages();
  const rows: string[] = [];
  for (const set of TEXT_SETS) {
    const samples = images.filter((i) => i.set === set).slice(0, args.limit);
    if (samples.length === 0) continue;
    console.log(`\n== ${set} / text (${samples.length} images)`);
    const scores: Record<"ours" | "peer", PageScore[]> = { ours: [], peer: [] };
    for (const s of samples) {
      const gt = s.gt.map(({ text, dontCare }) => ({ text, dontCare }));
      const [o, p] = await Promise.all([
        engine.recognize(await loadImage(s.file)),
        args.peer ? tesseract(s.file, 3, { lang: "chi_sim+eng", raw: true }) : null,
      ]);
      scores.ours.push(scorePage(gt, o));
      if (p)
        scores.peer.push(
          scorePage(
            gt,
            p.map((text) => ({ text, box: NO_BOX as Quad })),
          ),
        );
    }
    for (const who of ["ours", "peer"] as const) {
      if (scores[who].length === 0) continue;
      const t = summarizeScores(scores[who]);
      report[`${set}/text/${who}`] = t;
      const p = (v: number) => `${(100 * v).toFixed(1)}%`;
      rows.push(
        `${set.padEnd(18)} text     ${who.padEnd(5)} char acc ${p(t.charAccuracy)}  as printed ${p(t.rawCharAccuracy)}  line-exact ${p(t.lineExactRate)}  (${t.images} images)`,
      );
    }
  }
  return rows;
}

// ---------- main ----------

const pct = (right: number, total: number) => (total ? `${((100 * right) / total).toFixed(1)}%` : "—");

/** Reads every sample, ours then the peer (never at once, so ours is timed alone); returns our times (ms). */
async function evaluate<T, A>(
  samples: Sample<T>[],
  recognisers: { ours: (f: string) => Promise<A>; peer: ((f: string) => Promise<A>) | null },
  scoreOne: (truth: T, answer: A, who: "ours" | "peer") => string[],
): Promise<number[]> {
  const times: number[] = [];
  for (const s of samples) {
    const start = performance.now();
    const o = await recognisers.ours(s.file);
    times.push(performance.now() - start);
    const p = await recognisers.peer?.(s.file);
    const misses = scoreOne(s.truth, o, "ours");
    if (p !== undefined) scoreOne(s.truth, p, "peer");
    if (misses.length) console.log(`  ${path.basename(s.file)}: ${misses.join("; ")}`);
  }
  return times;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const PLATE_DECODE = { maxBytes: 10 * 1024 * 1024 };

/** Each reader on each picture in turn (one at a time, so latencies are comparable); the scores, with reliability tables. */
async function evaluatePlates(
  samples: Sample<PlateTruth>[],
  readers: Record<string, (file: Uint8Array) => Promise<PlateAnswer>>,
  summary: (who: string, score: PlateScore) => void,
) {
  const scores = Object.fromEntries(Object.keys(readers).map((who) => [who, newPlateScore()]));
  for (const s of samples) {
    const bytes = s.bytes ? await s.bytes() : fs.readFileSync(s.file);
    for (const [who, read] of Object.entries(readers)) {
      const started = performance.now();
      // The worker takes the buffer over: each reader gets its own copy.
      const answer = await read(new Uint8Array(bytes));
      const misses = scorePlates(scores[who]!, s.truth, answer, performance.now() - started);
      if (misses.length && who === "ours") console.log(`  ${path.basename(s.file)}: ${misses.join("; ")}`);
    }
  }
  for (const [who, score] of Object.entries(scores)) summary(who, score);
  return Object.fromEntries(
    Object.entries(scores).map(([who, { confidences, latenciesMs, ...counts }]) => [
      who,
      {
        ...counts,
        reliability: reliabilityTable(confidences),
        latencyMs: { p50: percentile(latenciesMs, 0.5), p90: percentile(latenciesMs, 0.9) },
      },
    ]),
  );
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(DOCUMENTS_DIR, "plate", "gt.json"))) generateDocuments();
  if (!fs.existsSync(path.join(HARD_DIR, "license", "gt.json"))) generateHardCases();
  const engine = await createOcrEngine();
  if (args.only === "document") {
    const { rows, report } = await evaluateDocuments(engine, {
      pagesDir: path.join(DOCUMENTS_DIR, "pages"),
      samplesDir: SAMPLES,
      limit: args.limit,
      turns: args.rotations,
      workers: engine.stats().workers,
    });
    await engine.close();
    writeReport(args, report, rows);
    return;
  }
  const mine = ours(engine);
  const datasets = [
    { name: "repo-synthetic", ...syntheticSets(DOCUMENTS_DIR), real: [] as Sample<PlateTruth>[] },
    { name: "repo-hard", ...syntheticSets(HARD_DIR), real: [] },
    { name: "samples-synthetic", ...syntheticSets(path.join(SAMPLES, "synthetic")), real: [] },
    { name: "samples-real", idcard: [], license: [], plate: realPlates() },
    { name: "ccpd-val-x4", idcard: [], license: [], plate: ccpdCrops("upscaled") },
    { name: "ccpd-val-96x96", idcard: [], license: [], plate: ccpdCrops("square") },
  ];
  const before = args.beforeWorker ? await createOcrEngine({ workerScript: path.resolve(args.beforeWorker), workers: 1 }) : null;
  const report: Record<string, unknown> = {};
  const rows: string[] = [];
  const started = Date.now();
  for (const ds of datasets.filter((d) => !args.sets || args.sets.includes(d.name))) {
    const caps = (["idcard", "license", "plate"] as const).filter((c) => !args.only || args.only === c);
    for (const cap of caps) {
      const samples = (ds[cap] as Sample<unknown>[]).slice(0, args.limit);
      if (samples.length === 0) continue;
      console.log(`\n== ${ds.name} / ${cap} (${samples.length} images)`);
      if (cap === "plate") {
        const readers = {
          ours: plateTask(engine),
          ...(before ? { before: plateTask(before) } : {}),
          ...(args.peer ? { "general-ocr": generalOcrPlates(engine) } : {}),
        };
        report[`${ds.name}/plate`] = await evaluatePlates(samples as Sample<PlateTruth>[], readers, (who, score) => {
          rows.push(`${ds.name.padEnd(18)} plate    ${who.padEnd(11)} ${plateRow(score)}`);
          if (score.confidences.length) rows.push(`${"".padEnd(30)} reliability ${reliabilityRow(score)}`);
        });
        continue;
      }
      for (const degrees of args.rotations) {
        const turned = await Promise.all(samples.map(async (s) => ({ ...s, file: await rotated(s.file, degrees, `${ds.name}-${cap}`) })));
        if (degrees) console.log(`  -- turned ${degrees}°`);
        const scores = { ours: newDocScore(), peer: newDocScore() };
        const withPeer = args.peer && args.peerRotations.includes(degrees);
        const times =
          cap === "idcard"
            ? await evaluate(turned as Sample<IdTruth>[], { ours: mine.idcard, peer: withPeer ? peer.idcard : null }, (t, a, who) =>
                scoreId(scores[who], t, a),
              )
            : await evaluate(turned as Sample<LicenseTruth>[], { ours: mine.license, peer: withPeer ? peer.license : null }, (t, a, who) =>
                scoreLicense(scores[who], t, a),
              );
        const latency = { medianMs: Math.round(quantile(times, 0.5)), p90Ms: Math.round(quantile(times, 0.9)) };
        report[`${ds.name}/${cap}@${degrees}`] = { ...scores, latency };
        for (const who of ["ours", "peer"] as const) {
          if (who === "peer" && !withPeer) continue;
          const s = scores[who];
          const fieldRight = Object.values(s.fields).reduce((n, f) => n + f.right, 0);
          const fieldTotal = Object.values(s.fields).reduce((n, f) => n + f.total, 0);
          const perField = Object.entries(s.fields)
            .map(([k, f]) => `${k} ${pct(f.right, f.total)}`)
            .join(", ");
          const time = who === "ours" ? `  ${latency.medianMs}/${latency.p90Ms} ms (median/p90)` : "";
          rows.push(
            `${ds.name.padEnd(18)} ${`${cap}@${degrees}`.padEnd(12)} ${who.padEnd(5)} fields ${pct(fieldRight, fieldTotal)}  docs ${pct(s.docs.right, s.docs.total)}  ${cap === "idcard" ? "side" : "type"} ${pct(s.type.right, s.type.total)}${time}  [${perField}]`,
          );
        }
      }
    }
  }
  if (!args.only || args.only === "text") rows.push(...(await evaluateText(engine, args, report)));
  if ((!args.only || args.only === "plate") && (!args.sets || args.sets.includes("wrong-kind"))) {
    // Bad input: each reader must answer "nothing here" for pictures of another kind.
    const images = wrongKindImages().slice(0, args.limit);
    const falsePositives = { idcard: 0, license: 0, plate: 0 };
    for (const file of images) {
      const lines = args.only ? [] : await engine.recognize(await loadImage(file));
      const found = {
        idcard: !args.only && extractIdCard(lines).side !== "",
        license: !args.only && extractBusinessLicense(lines).isLicense,
        plate: (await plateTask(engine)(fs.readFileSync(file))).length > 0,
      };
      for (const cap of ["idcard", "license", "plate"] as const) if (found[cap]) falsePositives[cap]++;
      const hits = Object.entries(found).filter(([, v]) => v);
      if (hits.length) console.log(`  ${path.basename(file)}: read as ${hits.map(([k]) => k).join(", ")}`);
    }
    report["wrong-kind"] = { images: images.length, falsePositives };
    rows.push(
      `${"wrong-kind".padEnd(18)} all      ours  ${images.length} pictures of other kinds read as ID card ${falsePositives.idcard}, licence ${falsePositives.license}, with plates ${falsePositives.plate}`,
    );
  }
  await engine.close();
  await before?.close();
  console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
  writeReport(args, report, rows);
}

function writeReport(args: Args, report: unknown, rows: string[]) {
  console.log(`\n${rows.join("\n")}`);
  const out = path.join(ROOT, "bench-results", `eval-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ args, report }, null, 1));
  console.log(`wrote ${path.relative(ROOT, out)}`);
}

await main();
