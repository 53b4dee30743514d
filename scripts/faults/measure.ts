// Issue 13 fault measurements against a real production server (`npm start`) on 127.0.0.1:3132,
// with its own DATA_DIR (data/faults-measure, wiped first). Needs a production build (.next) and
// root for chattr. Per fault: what the client saw, pack used vs calls charged in records (and open
// reservations), time to recover, /api/health latency during the fault. Bounded: every loop has a
// count and a deadline. Writes bench-results/faults.json.
//   node --import tsx scripts/faults/measure.ts
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

import { type EopCredentials, signEopRequest } from "../../e2e/fixtures/eop-sign";
import { holdExclusiveLock } from "../../tests/support/sqlite-lock";
import { childEnv } from "@/lib/env/child-env.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const PORT = 3132;
const BASE = `http://127.0.0.1:${PORT}`;
const DATA_DIR = path.join(root, "data/faults-measure");
const DB_FILE = path.join(DATA_DIR, "ocr.db");
const GENERAL = "/v1/aiop/api/2f3p1pnxpqm8/ocrdetect/ocr/v1/image.json";
const SAMPLES = path.join(root, "../shared/samples/synthetic/general");
const env = childEnv({ PORT: String(PORT), HOSTNAME: "127.0.0.1", DATA_DIR, DATABASE_URL: "", OCR_WORKERS: "2" });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const images = fs
  .readdirSync(SAMPLES)
  .filter((f) => f.endsWith(".jpg"))
  .sort()
  .map((f) => fs.readFileSync(path.join(SAMPLES, f)).toString("base64"));
let creds: EopCredentials;
let server: { proc: ChildProcess; exit: Promise<number | null> };

function startServer() {
  const proc = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  return { proc, exit: new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code))) };
}

async function timed(url: string, init?: RequestInit) {
  const t = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(120_000) });
    const text = await res.text();
    return { status: res.status, body: text, ms: Math.round(performance.now() - t), retryAfter: res.headers.get("retry-after") };
  } catch (err) {
    return { status: 0, body: String((err as Error).cause ?? err), ms: Math.round(performance.now() - t), retryAfter: null };
  }
}

async function waitReady(deadlineMs = 300_000) {
  const t = performance.now();
  while (performance.now() - t < deadlineMs) {
    if ((await timed(`${BASE}/api/ready`)).status === 200) return Math.round(performance.now() - t);
    await sleep(250);
  }
  throw new Error("server not ready in time");
}

async function call(n: number, from = 0) {
  const body = JSON.stringify({ data: Array.from({ length: n }, (_, i) => images[(from + i) % images.length]) });
  const r = await timed(BASE + GENERAL, { method: "POST", headers: signEopRequest(creds, { url: GENERAL, body }), body });
  let json: { statusCode?: number; message?: unknown; details?: string } = {};
  try {
    json = JSON.parse(r.body);
  } catch {}
  const answer = {
    status: r.status,
    statusCode: json.statusCode,
    details: json.details,
    message: typeof json.message === "object" ? json.message : undefined,
    ms: r.ms,
    retryAfter: r.retryAfter,
  };
  return r.status === 0 ? { ...answer, error: r.body } : answer;
}

/** Pack used vs calls charged in records, open reservations, records by settlement. */
function ledger() {
  const db = new Database(DB_FILE, { readonly: true, timeout: 30_000 });
  try {
    const one = (sql: string) => Object.values(db.prepare(sql).get() as object)[0] as number;
    return {
      used: one("SELECT COALESCE(SUM(used),0) FROM QuotaPack WHERE capabilityId='general'"),
      charged: one("SELECT COALESCE(SUM(charged),0) FROM CallRecord WHERE capabilityId='general'"),
      open: one("SELECT COUNT(*) FROM QuotaReservation"),
      openCalls: (db.prepare("SELECT parts FROM QuotaReservation").all() as { parts: string }[]).reduce(
        (s, r) => s + (JSON.parse(r.parts) as { calls: number }[]).reduce((a, p) => a + p.calls, 0),
        0,
      ),
      records: one("SELECT COUNT(*) FROM CallRecord WHERE capabilityId='general'"),
      released: db.prepare("SELECT settlement, COUNT(*) n FROM CallRecord WHERE settlement != '' GROUP BY settlement").all(),
    };
  } finally {
    db.close();
  }
}

/** Samples /api/health every 100 ms until stopped; returns latency stats. */
function sampleHealth() {
  const ms: number[] = [];
  const statuses = new Set<number>();
  let stop = false;
  const done = (async () => {
    for (let i = 0; i < 1000 && !stop; i++) {
      const r = await timed(`${BASE}/api/health`);
      ms.push(r.ms);
      statuses.add(r.status);
      await sleep(100);
    }
  })();
  return async () => {
    stop = true;
    await done;
    const sorted = [...ms].sort((a, b) => a - b);
    return { samples: ms.length, medianMs: sorted[Math.floor(sorted.length / 2)], maxMs: sorted.at(-1), statuses: [...statuses] };
  };
}

async function untilOpenReservations(n: number, deadlineMs = 60_000) {
  const t = performance.now();
  while (performance.now() - t < deadlineMs) {
    if (ledger().open >= n) return;
    await sleep(50);
  }
  throw new Error(`no ${n} open reservations`);
}

async function recoverTime(deadlineMs = 60_000) {
  const t = performance.now();
  for (let i = 0; performance.now() - t < deadlineMs; i++) {
    const r = await call(1, i);
    if (r.status === 200) return Math.round(performance.now() - t);
    await sleep(200);
  }
  return null;
}

const results: Record<string, unknown> = {};

async function main() {
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  server = startServer();
  results.startReadyMs = await waitReady();
  creds = JSON.parse(
    execFileSync(process.execPath, ["scripts/run-admin.mjs", "demo-credentials"], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "ignore"],
    }).toString(),
  );
  const w = new Database(DB_FILE, { timeout: 5_000 });
  w.prepare("UPDATE App SET qpsLimit = 1000").run(); // the concurrent calls below are not a rate-limit test
  w.close();
  results.baseline = { call: await call(1), ledger: ledger() };

  // 1. Another process holds the database for 20 s.
  {
    const health = sampleHealth();
    const lock = await holdExclusiveLock(DB_FILE);
    const t = performance.now();
    const calls = [];
    for (let i = 0; i < 5; i++) calls.push(await call(1, i));
    const login = await timed(`${BASE}/login`);
    const overview = await timed(`${BASE}/overview`);
    const ready = await timed(`${BASE}/api/ready`);
    await sleep(Math.max(0, 20_000 - (performance.now() - t)));
    await lock.release();
    const recoverMs = await recoverTime();
    results.lock20s = {
      calls,
      loginPage: { status: login.status, ms: login.ms },
      consoleOverview: { status: overview.status, ms: overview.ms },
      ready: { status: ready.status, body: ready.body },
      recoverMs,
      health: await health(),
      ledger: ledger(),
    };
  }

  // 2. A lock during settlement: taken once the call's calls are reserved and held until the client
  //    has its answer, so recognition ends and settlement runs while another process holds the file.
  //    (One image: this 2-core machine is shared, a 10-image batch takes minutes here.)
  {
    const health = sampleHealth();
    const pending = call(1);
    await untilOpenReservations(1);
    const lock = await holdExclusiveLock(DB_FILE);
    const answer = await Promise.race([pending, sleep(90_000).then(() => null)]);
    await lock.release();
    const afterLock = ledger();
    const t = performance.now();
    while (ledger().open > 0 && performance.now() - t < 40_000) await sleep(250);
    results.lockDuringSettlement = {
      answer,
      ledgerRightAfterLock: afterLock,
      releasedAfterMs: Math.round(performance.now() - t),
      health: await health(),
      ledger: ledger(),
    };
  }

  // 3. data/ and the database read-only (chattr +i) for 5 s.
  {
    const health = sampleHealth();
    execFileSync("chattr", ["+i", DB_FILE, DATA_DIR]);
    let during: Awaited<ReturnType<typeof call>> | undefined;
    let ready: Awaited<ReturnType<typeof timed>> | undefined;
    try {
      during = await call(1);
      ready = await timed(`${BASE}/api/ready`);
      await sleep(5_000);
    } finally {
      execFileSync("chattr", ["-i", DB_FILE, DATA_DIR]);
    }
    const recoverMs = await recoverTime();
    const after = [await call(1), await call(1)];
    results.readOnly = {
      during,
      ready: { status: ready?.status, body: ready?.body },
      recoverMs,
      after,
      health: await health(),
      ledger: ledger(),
    };
  }

  // 4. kill -9 of the server while a 50-image batch and 10 single-image calls are being recognised.
  {
    const pending = Promise.all([call(50), ...Array.from({ length: 10 }, (_, i) => call(1, i))]);
    await untilOpenReservations(11);
    const serverPid = Number(
      execFileSync("pgrep", ["-P", String(server.proc.pid)])
        .toString()
        .trim()
        .split("\n")[0],
    );
    process.kill(serverPid, "SIGKILL");
    const startExit = await server.exit;
    const answers = (await pending).map((a) => `${a.status}`);
    const killed = ledger();
    const t = performance.now();
    server = startServer();
    const readyMs = await waitReady();
    let after = ledger();
    while (after.open > 0 && performance.now() - t < 60_000) {
      await sleep(250);
      after = ledger();
    }
    results.kill9 = {
      npmStartExitCode: startExit,
      clientsSaw: answers,
      ledgerAfterKill: killed,
      restartReadyMs: readyMs,
      recoveredAfterMs: Math.round(performance.now() - t),
      ledger: after,
    };
  }

  // 5. SIGTERM (graceful) while a single-image call is being recognised.
  {
    const pending = call(1);
    await untilOpenReservations(1);
    const t = performance.now();
    server.proc.kill("SIGTERM");
    const answer = await pending;
    const exitCode = await server.exit;
    results.sigterm = { answer, exitCode, stoppedAfterMs: Math.round(performance.now() - t), ledger: ledger() };
  }
}

main()
  .catch((err: unknown) => {
    results.error = String((err as Error).stack ?? err);
  })
  .finally(async () => {
    if (server?.proc.exitCode === null) {
      server.proc.kill("SIGTERM");
      await Promise.race([server.exit, sleep(30_000)]);
    }
    fs.mkdirSync(path.join(root, "bench-results"), { recursive: true });
    fs.writeFileSync(path.join(root, "bench-results/faults.json"), JSON.stringify(results, null, 2));
    console.log(JSON.stringify(results, null, 2));
    process.exit(results.error ? 1 : 0);
  });
