/**
 * General-OCR benchmark: our engine vs @gutenye/ocr-node (same models, naive pipeline).
 * `npm run bench` → builds the worker bundle, renders the fixtures, then runs each engine in
 * its own child process (so peak RSS is per engine), alternating their throughput batches, and
 * prints latency, throughput, RSS and character accuracy; JSON goes to bench-results/.
 * Options: --quick (fewer images), --only=ours|gutenye, --rounds=N (throughput batches per
 * engine, default 2; each adds a minute or two).
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { decodeImage } from "../lib/images/decode-image";
import { createOcrEngine } from "../lib/ocr/engine-core";
import { type PageScore, scorePage, summarizeScores } from "@/scripts/scoring/score-page";
import { TEXT_SETS, type TextImage, collectTextImages } from "@/scripts/scoring/text-sets";
import type { Quad } from "../lib/ocr/types";
import { buildOcrWorker } from "./build-ocr-worker.mjs";

const BATCH_SIZE = 50;
const MAX_BYTES = 10 * 1024 * 1024;

type EngineName = "ours" | "gutenye";

interface ImageOutput {
  file: string;
  /** Sequential latency; NaN (null once serialised) for outputs taken from the concurrent batch. */
  ms: number;
  lines: { text: string; box: Quad }[];
  error?: string;
}

interface ChildReport {
  engine: EngineName;
  loadMs: number;
  outputs: ImageOutput[];
  batch: { images: number; seconds: number };
  peakRssMb: number;
}

// ---------- child: run one engine ----------

type Recognize = (file: string) => Promise<{ text: string; box: Quad }[]>;

async function openEngine(name: EngineName): Promise<{ recognize: Recognize; close: () => Promise<void> }> {
  if (name === "ours") {
    const engine = await createOcrEngine();
    return {
      async recognize(file) {
        const decoded = await decodeImage(new Uint8Array(fs.readFileSync(file)), { maxBytes: MAX_BYTES });
        if (!decoded.ok) throw new Error(`decode failed: ${decoded.kind}`);
        return engine.recognize(decoded.image);
      },
      close: () => engine.close(),
    };
  }
  const { default: Ocr } = await import("@gutenye/ocr-node");
  const ocr = await Ocr.create();
  return {
    async recognize(file) {
      const lines = (await ocr.detect(file)) as { text: string; box?: number[][] }[];
      return lines.map((l) => ({
        text: l.text,
        box: (l.box ?? [
          [0, 0],
          [0, 0],
          [0, 0],
          [0, 0],
        ]) as Quad,
      }));
    },
    close: async () => {},
  };
}

/**
 * Child protocol (IPC): it loads its engine and answers "ready"; "batch" submits the first 50
 * images at once and returns their outputs and wall time; "latency" runs the rest plus every
 * third batch image one by one; "finish" closes and reports peak RSS. The parent alternates
 * the engines' batches so that load from other processes hits both alike.
 */
type ChildCommand = { cmd: "batch" } | { cmd: "latency"; skip: string[] } | { cmd: "finish" };

async function runChild(name: EngineName, listFile: string) {
  const files: string[] = JSON.parse(fs.readFileSync(listFile, "utf8"));
  const send = (msg: unknown) => process.send!(msg);
  const t0 = performance.now();
  const engine = await openEngine(name);
  const loadMs = performance.now() - t0;
  await engine.recognize(files[0]!); // warm-up

  const recognize = async (file: string, timed: boolean): Promise<ImageOutput> => {
    const start = performance.now();
    const ms = () => (timed ? performance.now() - start : Number.NaN);
    try {
      return { file, lines: await engine.recognize(file), ms: ms() };
    } catch (err) {
      return { file, lines: [], ms: ms(), error: String(err) };
    }
  };

  process.on("message", async (msg: ChildCommand) => {
    if (msg.cmd === "batch") {
      const batch = Array.from({ length: BATCH_SIZE }, (_, i) => files[i % files.length]!);
      const b0 = performance.now();
      const outputs = await Promise.all(batch.map((f) => recognize(f, false)));
      send({ seconds: (performance.now() - b0) / 1000, outputs });
    } else if (msg.cmd === "latency") {
      const outputs: ImageOutput[] = [];
      for (const [i, file] of files.entries()) {
        if (!msg.skip.includes(file) || i % 3 === 0) outputs.push(await recognize(file, true));
      }
      send({ outputs });
    } else {
      await engine.close();
      send({ peakRssMb: process.resourceUsage().maxRSS / 1024 });
      process.exit(0);
    }
  });
  send({ loadMs });
}

// ---------- parent: orchestrate and report ----------

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1) + 0.5))] ?? 0;
}

function summarize(report: ChildReport, images: TextImage[]) {
  const byFile = new Map(report.outputs.map((o) => [o.file, o]));
  const accuracy: Record<string, ReturnType<typeof summarizeScores>> = {};
  for (const set of TEXT_SETS) {
    const scores: PageScore[] = images.filter((img) => img.set === set).map((img) => scorePage(img.gt, byFile.get(img.file)?.lines ?? []));
    if (scores.length > 0) accuracy[set] = summarizeScores(scores);
  }
  const ms = report.outputs.map((o) => o.ms).filter((v) => Number.isFinite(v)); // NaN arrives as null from JSON
  return {
    engine: report.engine,
    loadMs: Math.round(report.loadMs),
    medianMs: Math.round(percentile(ms, 0.5)),
    p90Ms: Math.round(percentile(ms, 0.9)),
    latencySamples: ms.length,
    imagesPerSecond: report.batch.images / report.batch.seconds,
    peakRssMb: Math.round(report.peakRssMb),
    errors: report.outputs.filter((o) => o.error).length,
    accuracy,
  };
}

type Summary = ReturnType<typeof summarize>;

function printTable(rows: Summary[], rounds: number) {
  const pct = (v: number | undefined) => (v === undefined ? "-" : `${(v * 100).toFixed(2)}%`);
  const header = ["metric", ...rows.map((r) => r.engine), ...(rows.length === 2 ? ["ours/gutenye"] : [])];
  const metric = (label: string, pick: (r: Summary) => number | undefined, fmt: (v: number | undefined) => string) => {
    const values = rows.map(pick);
    const ratio = rows.length === 2 && values[0] !== undefined && values[1] ? (values[0] / values[1]).toFixed(2) : "";
    return [label, ...values.map(fmt), ...(rows.length === 2 ? [ratio] : [])];
  };
  const num = (d: number) => (v: number | undefined) => (v === undefined ? "-" : v.toFixed(d));
  const lines = [
    header,
    metric(`latency median (ms, n=${rows[0]?.latencySamples})`, (r) => r.medianMs, num(0)),
    metric("latency p90 (ms)", (r) => r.p90Ms, num(0)),
    metric(`throughput ${BATCH_SIZE}-batch (img/s, mean of ${rounds})`, (r) => r.imagesPerSecond, num(2)),
    metric("peak RSS (MB)", (r) => r.peakRssMb, num(0)),
    metric("model load (ms)", (r) => r.loadMs, num(0)),
  ];
  for (const set of TEXT_SETS) {
    lines.push(metric(`${set} char acc (lines)`, (r) => r.accuracy[set]?.charAccuracy, pct));
    lines.push(metric(`${set} char acc (page)`, (r) => r.accuracy[set]?.pageCharAccuracy, pct));
    lines.push(metric(`${set} raw char acc (as printed)`, (r) => r.accuracy[set]?.rawCharAccuracy, pct));
    lines.push(metric(`${set} line-exact`, (r) => r.accuracy[set]?.lineExactRate, pct));
    if (set !== "real") lines.push(metric(`${set} det F1`, (r) => r.accuracy[set]?.f1, pct));
  }
  const widths = header.map((_, c) => Math.max(...lines.map((l) => (l[c] ?? "").length)));
  for (const l of lines) console.log(l.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
}

/** A benchmark child process answering one reply per command. */
function startChild(name: EngineName, listFile: string) {
  const child = fork(fileURLToPath(import.meta.url), ["--child", name, listFile], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const replies: ((msg: unknown) => void)[] = [];
  child.on("message", (msg) => replies.shift()?.(msg));
  const next = <T>() => new Promise<T>((resolve) => replies.push(resolve as (msg: unknown) => void));
  return {
    ready: next<{ loadMs: number }>(),
    ask<T>(command: ChildCommand): Promise<T> {
      const reply = next<T>();
      child.send(command);
      return reply;
    },
  };
}

const DEFAULT_ROUNDS = 2;

async function runParent(args: string[]) {
  const quick = args.includes("--quick");
  const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length) as EngineName | undefined;
  const rounds = Math.max(1, Number(args.find((a) => a.startsWith("--rounds="))?.slice("--rounds=".length) ?? DEFAULT_ROUNDS));
  await buildOcrWorker();
  const images = await collectTextImages(quick);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ocr-bench-"));
  const listFile = path.join(tmp, "images.json");
  fs.writeFileSync(listFile, JSON.stringify(images.map((i) => i.file)));
  console.log(`bench: ${images.length} images (${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? "?"})`);

  const names: EngineName[] = only ? [only] : ["ours", "gutenye"];
  const children = [];
  for (const name of names) {
    const child = startChild(name, listFile);
    children.push({ name, child, loadMs: (await child.ready).loadMs });
  }

  type BatchReply = { seconds: number; outputs: ImageOutput[] };
  const batches = new Map<EngineName, BatchReply[]>(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (const { name, child } of children) batches.get(name)!.push(await child.ask<BatchReply>({ cmd: "batch" }));
  }

  const summaries: Summary[] = [];
  for (const { name, child, loadMs } of children) {
    const runs = batches.get(name)!;
    const outputs = new Map<string, ImageOutput>();
    for (const o of runs[0]!.outputs) if (!outputs.has(o.file)) outputs.set(o.file, o);
    const latency = await child.ask<{ outputs: ImageOutput[] }>({ cmd: "latency", skip: [...outputs.keys()] });
    for (const o of latency.outputs) outputs.set(o.file, o);
    const { peakRssMb } = await child.ask<{ peakRssMb: number }>({ cmd: "finish" });
    const seconds = runs.reduce((sum, r) => sum + r.seconds, 0) / runs.length;
    const report: ChildReport = { engine: name, loadMs, outputs: [...outputs.values()], batch: { images: BATCH_SIZE, seconds }, peakRssMb };
    summaries.push(summarize(report, images));
  }
  printTable(summaries, rounds);

  const outDir = path.join(process.cwd(), "bench-results");
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `general-ocr-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(
    out,
    JSON.stringify({ date: new Date().toISOString(), cpus: os.cpus().length, images: images.length, rounds, summaries }, null, 1),
  );
  console.log(`results: ${path.relative(process.cwd(), out)}`);
  fs.rmSync(tmp, { recursive: true, force: true });
}

const argv = process.argv.slice(2);
if (argv[0] === "--child") await runChild(argv[1] as EngineName, argv[2]!);
else await runParent(argv);
