/**
 * Health under OCR load: N clients keep general OCR saturated against a running server while
 * `/api/health` is sampled every 50 ms; prints the health latency percentiles and what the OCR
 * calls got back. Starts nothing itself; loopback targets only; every loop is bounded in count
 * and time.
 *
 *   npx tsx scripts/load/health-under-load.ts --base-url http://127.0.0.1:3120 \
 *     --ak AK --sk SK --app-key APPKEY [--image ../shared/samples/synthetic/general/g000.jpg] \
 *     [--clients 50] [--seconds 20]
 */
import fs from "node:fs";
import http from "node:http";
import { parseArgs } from "node:util";

import { signEopRequest } from "@/e2e/fixtures/eop-sign";

const GENERAL_PATH = "/v1/aiop/api/2f3p1pnxpqm8/ocrdetect/ocr/v1/image.json";
const HEALTH_EVERY_MS = 50;
/** Upper bound on OCR requests per client, whatever the duration. */
const MAX_REQUESTS_PER_CLIENT = 2000;
const REQUEST_TIMEOUT_MS = 120_000;
const HEALTH_TIMEOUT_MS = 10_000;

const { values: args } = parseArgs({
  options: {
    "base-url": { type: "string", default: "http://127.0.0.1:3120" },
    ak: { type: "string" },
    sk: { type: "string" },
    "app-key": { type: "string" },
    image: { type: "string", default: "../shared/samples/synthetic/general/g000.jpg" },
    clients: { type: "string", default: "50" },
    seconds: { type: "string", default: "20" },
  },
});

const base = new URL(args["base-url"]!);
if (!["127.0.0.1", "localhost", "[::1]"].includes(base.hostname))
  throw new Error(`--base-url must be a loopback address, got ${base.hostname}`);
if (!args.ak || !args.sk || !args["app-key"]) throw new Error("--ak, --sk and --app-key are required");
const clients = Math.min(200, Math.max(1, Number(args.clients)));
const seconds = Math.min(300, Math.max(1, Number(args.seconds)));
const creds = { accessKey: args.ak, secretKey: args.sk, appKey: args["app-key"] };
const body = JSON.stringify({ data: [fs.readFileSync(args.image!).toString("base64")] });

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const summary = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: +percentile(s, 50).toFixed(1), p99: +percentile(s, 99).toFixed(1), max: +(s.at(-1) ?? NaN).toFixed(1) };
};

let deadline = 0;
const statuses = new Map<string, number>();
const okLatencies: number[] = [];
const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);

async function ocrClient(limit = MAX_REQUESTS_PER_CLIENT): Promise<void> {
  for (let i = 0; i < limit && Date.now() < deadline; i++) {
    const started = performance.now();
    try {
      const headers = signEopRequest(creds, { url: GENERAL_PATH, body });
      const res = await fetch(new URL(GENERAL_PATH, base), {
        method: "POST",
        headers,
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const json = (await res.json()) as { statusCode?: number };
      count(`${res.status}/${json.statusCode}`);
      if (res.status === 200) okLatencies.push(performance.now() - started);
      // A refused client waits as told (bounded), like a well-behaved caller.
      if (res.status === 503) await sleep(Math.min(5, Number(res.headers.get("retry-after") ?? 1)) * 1000);
    } catch (err) {
      count(`error ${(err as Error).name}`);
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const healthErrors = new Map<string, number>();
/** Samples over SLOW_MS, with when they were sent (seconds into the run), to tell a start-up burst from steady state. */
const SLOW_MS = 100;
const slow: { atSeconds: number; ms: number }[] = [];
/** Samples sent once the clients' first requests have all arrived (the engine saturated, queue full). */
const ARRIVAL_SECONDS = 5;
const steady: number[] = [];

/**
 * One GET /api/health on a connection of its own (node:http, no keep-alive): fetch's pool is busy
 * with the OCR uploads, and a sample queued behind them would time the client, not the server.
 */
function getHealth(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL("/api/health", base), { agent: false, timeout: HEALTH_TIMEOUT_MS }, (res) => {
      res.resume();
      res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error("health sample timed out"), { name: "TimeoutError" })));
    req.on("error", reject);
  });
}

/** A sample that fails counts as its timeout, so the percentiles never look better than they were. */
async function sampleHealth(): Promise<number[]> {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  while (Date.now() < deadline) {
    pending.push(
      (async () => {
        const started = performance.now();
        const sentAt = (Date.now() - startedAt) / 1000;
        try {
          await getHealth();
          const ms = performance.now() - started;
          latencies.push(ms);
          if (sentAt >= ARRIVAL_SECONDS) steady.push(ms);
          if (ms > SLOW_MS) slow.push({ atSeconds: +((Date.now() - startedAt) / 1000 - ms / 1000).toFixed(1), ms: Math.round(ms) });
        } catch (err) {
          const name = (err as Error).name;
          healthErrors.set(name, (healthErrors.get(name) ?? 0) + 1);
          latencies.push(HEALTH_TIMEOUT_MS);
          if (sentAt >= ARRIVAL_SECONDS) steady.push(HEALTH_TIMEOUT_MS);
        }
      })(),
    );
    await sleep(HEALTH_EVERY_MS);
  }
  await Promise.all(pending);
  return latencies;
}

// One call first, as a server in service has made: Next loads a route's code on its first request.
deadline = Date.now() + REQUEST_TIMEOUT_MS;
await ocrClient(1);
statuses.clear();
okLatencies.length = 0;
const startedAt = Date.now();
deadline = startedAt + seconds * 1000;
const [health] = await Promise.all([sampleHealth(), ...Array.from({ length: clients }, () => ocrClient())]);
const elapsed = (Date.now() - startedAt) / 1000;
console.log(
  JSON.stringify(
    {
      baseUrl: base.origin,
      clients,
      seconds: +elapsed.toFixed(1),
      healthMs: {
        ...summary(health),
        errors: Object.fromEntries(healthErrors),
        over100ms: slow.length,
        slowest: slow.sort((a, b) => b.ms - a.ms).slice(0, 10),
      },
      healthMsAfterArrival: { fromSecond: ARRIVAL_SECONDS, ...summary(steady) },
      ocr: {
        byStatus: Object.fromEntries(statuses),
        okPerSecond: +(okLatencies.length / elapsed).toFixed(2),
        okLatencyMs: summary(okLatencies),
      },
    },
    null,
    2,
  ),
);
