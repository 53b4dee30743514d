/**
 * Accuracy of the structured capabilities (ID card, business licence, plates), ours vs a peer
 * (tesseract 5 chi_sim + keyword/regex extraction), on the generated set
 * (scripts/fixtures/documents) and, when present, ../shared/samples (read in place, never copied).
 * ID cards and licences are also read turned by each of `--rotations` (default 0,90,180,270,
 * clockwise; the turned copies are lossless PNGs under bench-results/rotated/), through the
 * reader tasks the API uses (decoded and read on a worker); latency is per picture, ours alone.
 * Usage: npm run eval -- [--only idcard|license|plate] [--limit N] [--no-peer] [--rotations 0,90,…]
 *   [--peer-rotations 0,…] [--sets repo-synthetic,repo-hard,samples-synthetic,samples-real]
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
import { quadIou } from "../lib/ocr/geometry";
import { isValidPlate } from "@/lib/readers/plate/grammar";
import { readPlates } from "@/lib/readers/plate/read-plates";
import type { Quad, RgbImage } from "../lib/ocr/types";
import { DOCUMENTS_DIR, generateDocuments } from "./fixtures/documents/generate";
import { generateHardCases, HARD_DIR } from "./fixtures/documents/hard-cases";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");
const SAMPLES = path.resolve(ROOT, "../shared/samples");

type Capability = "idcard" | "license" | "plate";
type Fields = Record<string, string>;

interface Args {
  only: Capability | null;
  limit: number;
  peer: boolean;
  rotations: number[];
  /** Datasets to read (all when null). */
  sets: string[] | null;
  /** Turns the peer also reads (tesseract is slow): by default all of `rotations`. */
  peerRotations: number[];
}

function parseArgs(argv: string[]): Args {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = value("--only");
  if (only && !["idcard", "license", "plate"].includes(only)) throw new Error(`--only ${only}?`);
  const rotations = (value("--rotations") ?? "0,90,180,270").split(",").map(Number);
  if (rotations.some((r) => ![0, 90, 180, 270].includes(r))) throw new Error(`--rotations ${rotations}? (0, 90, 180, 270)`);
  const sets = value("--sets")?.split(",") ?? null;
  const peerRotations = value("--peer-rotations")?.split(",").map(Number) ?? rotations;
  const limit = Number(value("--limit") ?? Infinity);
  return { only: (only as Capability) ?? null, limit, peer: !argv.includes("--no-peer"), rotations, sets, peerRotations };
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

async function loadImage(file: string): Promise<RgbImage> {
  const { data, info } = await sharp(file).rotate().flatten({ background: "#ffffff" }).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

async function tesseract(file: string, psm: number): Promise<string[]> {
  const { stdout } = await run("tesseract", [file, "stdout", "-l", "chi_sim", "--psm", String(psm)], { maxBuffer: 1 << 24 });
  return stdout.split("\n").map(normalizeText).filter(Boolean);
}

// ---------- datasets ----------

interface Sample<T> {
  file: string;
  truth: T;
}

interface IdTruth {
  side: string;
  fields: Fields;
}
interface LicenseTruth {
  license_type: string;
  fields: Fields;
}
interface PlateTruth {
  /** `box`: the plate's corners, where the set labels them (the synthetic ones do). */
  scored: { text: string; type: string; box?: Quad }[];
  ignored: number;
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
type PlateAnswer = { text: string; type: string; box?: Quad }[];

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
  async plate(file: string): Promise<PlateAnswer> {
    return (await readPlates(await loadImage(file), engine)).map((p) => ({ text: p.text, type: p.plateType, box: p.box }));
  },
});

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
  async plate(file: string): Promise<PlateAnswer> {
    const text = (await tesseract(file, 11)).join("\n").replace(/[·.-]/g, "");
    const found = text.match(/[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][A-Z0-9]{5,6}/g) ?? [];
    return found.filter(isValidPlate).map((t) => ({ text: t, type: [...t].length === 8 ? "绿牌" : "蓝牌" }));
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

interface PlateScore {
  tp: number;
  fp: number;
  gt: number;
  typeRight: number;
  /** Box overlap (IoU) of matched plates with labelled corners: sum and count. */
  iouSum: number;
  iouCount: number;
}

function scorePlates(score: PlateScore, truth: PlateTruth, answer: PlateAnswer): string[] {
  const pending = [...truth.scored];
  const unmatched: PlateAnswer = [];
  for (const a of answer) {
    const i = pending.findIndex((t) => t.text === a.text);
    if (i < 0) {
      unmatched.push(a);
      continue;
    }
    score.tp++;
    if (pending[i]!.type === a.type) score.typeRight++;
    if (pending[i]!.box && a.box) {
      score.iouSum += quadIou(pending[i]!.box!, a.box);
      score.iouCount++;
    }
    pending.splice(i, 1);
  }
  // Readings of unlabelled (uncertain / out-of-scope) plates count neither way.
  score.fp += Math.max(0, unmatched.length - truth.ignored);
  score.gt += truth.scored.length;
  return [...pending.map((p) => `missed ${p.text}`), ...unmatched.map((u) => `extra ${u.text}`)];
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

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(DOCUMENTS_DIR, "plate", "gt.json"))) generateDocuments();
  if (!fs.existsSync(path.join(HARD_DIR, "license", "gt.json"))) generateHardCases();
  const engine = await createOcrEngine();
  const mine = ours(engine);
  const datasets = [
    { name: "repo-synthetic", ...syntheticSets(DOCUMENTS_DIR), real: [] as Sample<PlateTruth>[] },
    { name: "repo-hard", ...syntheticSets(HARD_DIR), real: [] },
    { name: "samples-synthetic", ...syntheticSets(path.join(SAMPLES, "synthetic")), real: [] },
    { name: "samples-real", idcard: [], license: [], plate: realPlates() },
  ];
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
        const newScore = (): PlateScore => ({ tp: 0, fp: 0, gt: 0, typeRight: 0, iouSum: 0, iouCount: 0 });
        const scores = { ours: newScore(), peer: newScore() };
        await evaluate(samples as Sample<PlateTruth>[], { ours: mine.plate, peer: args.peer ? peer.plate : null }, (t, a, who) =>
          scorePlates(scores[who], t, a),
        );
        report[`${ds.name}/plate`] = scores;
        for (const who of ["ours", "peer"] as const) {
          if (who === "peer" && !args.peer) continue;
          const s = scores[who];
          rows.push(
            `${ds.name.padEnd(18)} plate    ${who.padEnd(5)} precision ${pct(s.tp, s.tp + s.fp)}  recall(exact) ${pct(s.tp, s.gt)}  type ${pct(s.typeRight, s.tp)}  (${s.tp}/${s.gt})${s.iouCount ? `  box IoU ${(s.iouSum / s.iouCount).toFixed(2)}` : ""}`,
          );
        }
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
  if (!args.only) {
    // Bad input: each reader must answer "nothing here" for pictures of another kind.
    const images = wrongKindImages().slice(0, args.limit);
    const falsePositives = { idcard: 0, license: 0, plate: 0 };
    for (const file of images) {
      const image = await loadImage(file);
      const lines = await engine.recognize(image);
      const found = {
        idcard: extractIdCard(lines).side !== "",
        license: extractBusinessLicense(lines).isLicense,
        plate: (await readPlates(image, engine)).length > 0,
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
  console.log(`\n${rows.join("\n")}\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
  const out = path.join(ROOT, "bench-results", `eval-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ args, report }, null, 1));
  console.log(`wrote ${path.relative(ROOT, out)}`);
}

await main();
