/**
 * `npm run loadtest -- [options]`: load test of a RUNNING server (it starts nothing), loopback only.
 * Creates its own user, apps (QPS 100 each, used in turn) and a large general-OCR pack through
 * the operator CLI against the server's DATA_DIR/DATABASE_URL, then measures with autocannon:
 *   1. general OCR on a real photo at each concurrency: throughput, p50/p99 latency, answers
 *   2. server RSS before and after N requests (default 2,000) of a small generated image
 *   3. a 64 KiB Eop-Authorization header: answer time and status
 *   4. overload: C clients × R requests of one ~9 MB image each, all at once: 503 share, peak RSS
 * Prints a table and writes JSON to bench-results/. Every phase is bounded in count and time.
 *
 * Options: --url BASE (http://127.0.0.1:3000) --connections 1,10,50 --rounds N (4: each client
 * sends N requests, all answered and timed) --max-seconds S (900, cap per concurrency) --image FILE (default ../shared/samples/real photo, else a generated page)
 * --pid PID[,PID] (server processes for RSS; default: the process listening on the URL's port)
 * --data-dir DIR (the server's DATA_DIR; DATABASE_URL is passed through) --rss-requests N (2000)
 * --overload-clients C (20) --overload-requests R (10) --overload-mb MB (9) --phases
 * throughput,rss,header,overload (any subset).
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import autocannon from "autocannon";
import sharp from "sharp";

import { type EopCredentials, signEopRequest } from "../e2e/fixtures/eop-sign";
import { renderTextFixtures } from "./fixtures/render-text";
import { pickEnv } from "@/lib/env/schema.mjs";
import { childEnv } from "@/lib/env/child-env.mjs";

const GENERAL_PATH = "/v1/aiop/api/2f3p1pnxpqm8/ocrdetect/ocr/v1/image.json";
const REAL_PHOTO = path.resolve(process.cwd(), "..", "shared", "samples", "real", "text_rapidocr_ch_en_num.jpg");
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
/** Apps created, each with the highest QPS the validation allows, used round-robin. */
const APPS = 8;
const APP_QPS = 100;
const PACK_CALLS = 10_000_000;
/** No single OCR answer on this hardware should take longer; beyond it the request counts as an error. */
const REQUEST_TIMEOUT_S = 120;
const HEADER_BYTES = 64 * 1024;
const HEADER_TRIES = 5;
const RSS_SAMPLE_MS = 200;
const PHASES = ["throughput", "rss", "header", "overload"] as const;
type Phase = (typeof PHASES)[number];

interface Options {
  url: URL;
  connections: number[];
  rounds: number;
  maxSeconds: number;
  image: string | null;
  pids: number[];
  dataDir: string;
  rssRequests: number;
  overloadClients: number;
  overloadRequests: number;
  overloadMb: number;
  phases: Set<Phase>;
}

function fail(message: string): never {
  console.error(`loadtest: ${message}`);
  process.exit(2);
}

const positiveInt = (name: string, raw: string, max: number) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) fail(`--${name} must be an integer in 1..${max}, got "${raw}"`);
  return n;
};

function parseOptions(argv: string[]): Options {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) fail(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) fail(`--${name} needs a value`);
    flags.set(name, value);
  }
  const known = [
    "url",
    "connections",
    "rounds",
    "max-seconds",
    "image",
    "pid",
    "data-dir",
    "rss-requests",
    "overload-clients",
    "overload-requests",
    "overload-mb",
    "phases",
  ];
  for (const name of flags.keys()) if (!known.includes(name)) fail(`unknown option --${name}`);

  const url = new URL(flags.get("url") ?? "http://127.0.0.1:3000");
  if (url.protocol !== "http:" || !LOOPBACK.has(url.hostname))
    fail(`refusing ${url.origin}: only http on the loopback interface is load-tested`);
  const phases = (flags.get("phases") ?? PHASES.join(",")).split(",").map((p) => p.trim());
  for (const p of phases) if (!PHASES.includes(p as Phase)) fail(`unknown phase "${p}" (${PHASES.join(", ")})`);
  const pidFlag = flags.get("pid");
  return {
    url,
    connections: (flags.get("connections") ?? "1,10,50").split(",").map((c) => positiveInt("connections", c, 200)),
    rounds: positiveInt("rounds", flags.get("rounds") ?? "4", 100),
    maxSeconds: positiveInt("max-seconds", flags.get("max-seconds") ?? "900", 3600),
    image: flags.get("image") ?? (fs.existsSync(REAL_PHOTO) ? REAL_PHOTO : null),
    pids: pidFlag ? pidFlag.split(",").map((p) => positiveInt("pid", p, 2 ** 22)) : [pidListeningOn(Number(url.port || 80))],
    dataDir: path.resolve(flags.get("data-dir") ?? pickEnv(["DATA_DIR"]).DATA_DIR),
    rssRequests: positiveInt("rss-requests", flags.get("rss-requests") ?? "2000", 20_000),
    overloadClients: positiveInt("overload-clients", flags.get("overload-clients") ?? "20", 100),
    overloadRequests: positiveInt("overload-requests", flags.get("overload-requests") ?? "10", 100),
    overloadMb: positiveInt("overload-mb", flags.get("overload-mb") ?? "9", 10),
    phases: new Set(phases as Phase[]),
  };
}

// ---------- the server process ----------

/** The pid owning the listening TCP socket on `port` (a socket inode found under /proc/<pid>/fd). */
function pidListeningOn(port: number): number {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN; column 9 is the inode.
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === "0A") inodes.add(cols[9]!);
    }
  }
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (inodes.has(/^socket:\[(\d+)\]$/.exec(target)?.[1] ?? "")) return Number(pid);
      } catch {
        // fd closed while reading
      }
    }
  }
  return fail(`no process of this user listens on port ${port}; pass --pid`);
}

/** Resident memory of the server processes together, in MB. */
function rssMb(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    if (!match) fail(`cannot read the RSS of pid ${pid}`);
    kb += Number(match[1]);
  }
  return Math.round(kb / 1024);
}

/** Samples RSS until stopped; returns the peak. */
function watchPeakRss(pids: number[]): () => number {
  let peak = rssMb(pids);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pids));
    } catch {
      // the process is gone: reported by the health check after the phase
    }
  }, RSS_SAMPLE_MS);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

// ---------- account ----------

function admin<T>(dataDir: string, ...args: string[]): T {
  const out = execFileSync(process.execPath, [path.resolve("scripts/run-admin.mjs"), ...args], {
    env: childEnv({ DATA_DIR: dataDir }),
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.toString()) as T;
}

/** A fresh user with an AK/SK, APPS general-OCR apps at the highest QPS and a pack big enough for every phase. */
function createLoadAccount(dataDir: string): { credentials: EopCredentials[]; email: string } {
  const email = `loadtest-${randomUUID().slice(0, 8)}@example.com`;
  admin(dataDir, "create-user", "--email", email, "--password", randomUUID());
  const key = admin<{ accessKey: string; secretKey: string }>(dataDir, "create-access-key", "--email", email);
  const credentials = Array.from({ length: APPS }, (_, i) => {
    const app = admin<{ appKey: string }>(
      dataDir,
      "create-app",
      "--email",
      email,
      "--name",
      `loadtest-${i}`,
      "--capabilities",
      "general",
      "--qps",
      String(APP_QPS),
    );
    return { accessKey: key.accessKey, secretKey: key.secretKey, appKey: app.appKey };
  });
  admin(dataDir, "grant-pack", "--email", email, "--capability", "general", "--calls", String(PACK_CALLS));
  return { credentials, email };
}

// ---------- images ----------

const pngOf = (image: { width: number; height: number; data: Uint8Array }) =>
  sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .png()
    .toBuffer();

/** The largest and the smallest generated text page (the photo's stand-in, and the RSS run's image). */
async function generatedPages(): Promise<{ large: Buffer; small: Buffer }> {
  const pages = renderTextFixtures().sort((a, b) => a.image.width * a.image.height - b.image.width * b.image.height);
  return { large: await pngOf(pages.at(-1)!.image), small: await pngOf(pages[0]!.image) };
}

/** A JPEG of noise of about `mb` megabytes: costly to decode and to send, and no text to read. */
async function heavyJpeg(mb: number): Promise<Buffer> {
  const encode = (side: number) => {
    const noise = Buffer.alloc(side * side * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = Math.imul(i + 1, 2654435761) >>> 24;
    return sharp(noise, { raw: { width: side, height: side, channels: 3 } })
      .jpeg({ quality: 98 })
      .toBuffer();
  };
  const target = mb * 1024 * 1024;
  const probe = 1000;
  const bytesPerPixel = (await encode(probe)).length / (probe * probe);
  let side = Math.min(5000, Math.floor(Math.sqrt((target * 0.98) / bytesPerPixel)));
  let jpeg = await encode(side);
  // The contract's 10 MB per-image limit must not be what answers.
  while (jpeg.length > target && side > probe) jpeg = await encode((side = Math.floor(side * 0.98)));
  return jpeg;
}

// ---------- load ----------

interface LoadResult {
  connections: number;
  requests: number;
  seconds: number;
  throughputRps: number;
  p50Ms: number;
  p99Ms: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

/** Each request signed afresh (the gateway refuses a replayed request id), apps used in turn. */
function signedRequests(credentials: EopCredentials[], body: string) {
  let next = 0;
  return [
    {
      method: "POST" as const,
      path: GENERAL_PATH,
      setupRequest: (req: Record<string, unknown>) => {
        const creds = credentials[next++ % credentials.length]!;
        return { ...req, headers: signEopRequest(creds, { url: GENERAL_PATH, body }), body };
      },
    },
  ];
}

/**
 * One autocannon run of `amount` requests, stopped after `maxSeconds` at the latest. A count, not
 * a duration: autocannon drops the requests still in flight when a duration ends, and an OCR
 * answer under load can take longer than any sensible duration.
 */
async function load(opts: {
  url: URL;
  credentials: EopCredentials[];
  body: string;
  connections: number;
  amount: number;
  maxSeconds: number;
}): Promise<LoadResult> {
  const instance = autocannon({
    url: opts.url.origin,
    connections: opts.connections,
    amount: opts.amount,
    timeout: REQUEST_TIMEOUT_S,
    requests: signedRequests(opts.credentials, opts.body),
  });
  const guard = setTimeout(() => instance.stop(), opts.maxSeconds * 1000);
  const result = await instance;
  clearTimeout(guard);
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, (s as { count: number }).count]),
  );
  return {
    connections: opts.connections,
    requests: result.requests.total,
    seconds: result.duration,
    throughputRps: Math.round((result.requests.total / result.duration) * 100) / 100,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function healthy(url: URL): Promise<boolean> {
  try {
    return (await fetch(new URL("/api/health", url), { signal: AbortSignal.timeout(30_000) })).ok;
  } catch {
    return false;
  }
}

/** A 64 KiB Eop-Authorization that is not a valid one (the regex-heavy case): median answer time. */
async function headerTiming(url: URL, appKey: string) {
  const header = `AK Headers=x${" ".repeat(HEADER_BYTES - 20)}y`;
  const runs: { ms: number; status: number | string }[] = [];
  for (let i = 0; i < HEADER_TRIES; i++) {
    const start = performance.now();
    try {
      const res = await fetch(new URL(GENERAL_PATH, url), {
        method: "POST",
        headers: { "Content-Type": "application/json", appkey: appKey, "Eop-Authorization": header },
        body: "{}",
        signal: AbortSignal.timeout(30_000),
      });
      await res.arrayBuffer();
      runs.push({ ms: performance.now() - start, status: res.status });
    } catch (err) {
      runs.push({ ms: performance.now() - start, status: err instanceof Error ? err.name : "error" });
    }
  }
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  return {
    headerBytes: header.length,
    medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10,
    statuses: runs.map((r) => r.status),
  };
}

// ---------- main ----------

const bodyOf = (image: Buffer) => JSON.stringify({ data: [image.toString("base64")] });

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  if (!(await healthy(opts.url))) fail(`${opts.url.origin}/api/health is not 200: start the server first (npm start)`);
  const { credentials, email } = createLoadAccount(opts.dataDir);
  const pages = await generatedPages();
  const photo = opts.image ? fs.readFileSync(opts.image) : pages.large;
  const report: Record<string, unknown> = {
    when: new Date().toISOString(),
    url: opts.url.origin,
    pids: opts.pids,
    account: email,
    image: opts.image ? path.basename(opts.image) : "generated text page",
  };
  // Written after every phase, so an interrupted run keeps what it measured.
  const out = path.join("bench-results", `loadtest-${report.when as string}.json`.replace(/:/g, "-"));
  fs.mkdirSync("bench-results", { recursive: true });
  const save = () => fs.writeFileSync(out, JSON.stringify(report, null, 2));

  const warm = await load({ url: opts.url, credentials, body: bodyOf(photo), connections: 1, amount: 2, maxSeconds: 120 });
  if (warm.statuses["200"] !== 2) fail(`warm-up calls did not succeed: ${JSON.stringify(warm.statuses)}`);

  if (opts.phases.has("throughput")) {
    const runs: LoadResult[] = [];
    for (const connections of opts.connections) {
      runs.push(
        await load({
          url: opts.url,
          credentials,
          body: bodyOf(photo),
          connections,
          amount: connections * opts.rounds,
          maxSeconds: opts.maxSeconds,
        }),
      );
      report.throughput = runs;
      save();
    }
  }
  if (opts.phases.has("rss")) {
    const beforeMb = rssMb(opts.pids);
    const run = await load({
      url: opts.url,
      credentials,
      body: bodyOf(pages.small),
      connections: 10,
      amount: opts.rssRequests,
      maxSeconds: 1800,
    });
    const afterMb = rssMb(opts.pids);
    report.rss = {
      requests: run.requests,
      seconds: run.seconds,
      statuses: run.statuses,
      beforeMb,
      afterMb,
      changePct: Math.round(((afterMb - beforeMb) / beforeMb) * 1000) / 10,
    };
    save();
  }
  if (opts.phases.has("header")) {
    report.header64k = await headerTiming(opts.url, credentials[0]!.appKey);
    save();
  }
  if (opts.phases.has("overload")) {
    const heavy = await heavyJpeg(opts.overloadMb);
    const beforeMb = rssMb(opts.pids);
    const stopWatch = watchPeakRss(opts.pids);
    const amount = opts.overloadClients * opts.overloadRequests;
    const run = await load({ url: opts.url, credentials, body: bodyOf(heavy), connections: opts.overloadClients, amount, maxSeconds: 900 });
    const peakMb = stopWatch();
    report.overload = {
      clients: opts.overloadClients,
      requests: run.requests,
      imageMb: Math.round((heavy.length / 1024 / 1024) * 10) / 10,
      seconds: run.seconds,
      statuses: run.statuses,
      share503: Math.round(((run.statuses["503"] ?? 0) / Math.max(run.requests, 1)) * 1000) / 10,
      errors: run.errors,
      beforeMb,
      peakRssMb: peakMb,
      healthyAfter: await healthy(opts.url),
    };
    save();
  }

  printReport(report);
  console.log(`\nJSON: ${out}`);
}

function printReport(report: Record<string, unknown>) {
  console.log(`\nloadtest ${report.url as string} (pids ${(report.pids as number[]).join(",")}), image: ${report.image as string}`);
  const runs = (report.throughput as LoadResult[] | undefined) ?? [];
  if (runs.length) {
    console.table(
      runs.map((r) => ({
        clients: r.connections,
        "req/s": r.throughputRps,
        "p50 ms": r.p50Ms,
        "p99 ms": r.p99Ms,
        requests: r.requests,
        statuses: JSON.stringify(r.statuses),
        errors: r.errors + r.timeouts,
      })),
    );
  }
  for (const key of ["rss", "header64k", "overload"]) if (report[key]) console.log(`${key}: ${JSON.stringify(report[key])}`);
}

await main();
