#!/usr/bin/env node
// The reference scale-out deployment on one machine, loopback only (README "Scaling out"):
//   node scripts/cluster.mjs start [--instances 2] [--port 8080] [--redis-port 6380] [--pg-port 5433] [--workers 2] [--dir D]
//   node scripts/cluster.mjs stop [--dir D] [--purge]
//   node scripts/cluster.mjs admin [--dir D] -- <operator CLI command>
// start: PostgreSQL (Debian's binaries, cluster under the run dir), redis-server, N instances of the
// app on --port+1 … --port+N sharing DATABASE_URL, REDIS_URL and the secret keys, and nginx on
// --port in front of them. The run dir (default $TMPDIR/ocr-cluster-<port>) keeps the database,
// logs, pid files and cluster.json (what stop and admin need). The app runs from a PostgreSQL
// build of this checkout (scripts/cluster/build.mjs), rebuilt only when the sources change.
import { spawnSync, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { pickEnv } from "../lib/env/schema.mjs";
import { ensurePostgresBuild } from "./cluster/build.mjs";
import * as services from "./cluster/services.mjs";
import { childEnv } from "../lib/env/child-env.mjs";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    instances: { type: "string", default: "2" },
    port: { type: "string", default: "8080" },
    "redis-port": { type: "string", default: "6380" },
    "pg-port": { type: "string", default: "5433" },
    workers: { type: "string", default: "2" },
    dir: { type: "string" },
    purge: { type: "boolean", default: false },
  },
});

const log = (msg) => process.stderr.write(`[cluster] ${msg}\n`);
const int = (name, min, max) => {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer from ${min} to ${max}`);
  return n;
};

const port = int("port", 1, 65535 - 64);
const dir = path.resolve(args.dir ?? path.join(os.tmpdir(), `ocr-cluster-${port}`));
const stateFile = path.join(dir, "cluster.json");
const readState = () => (fs.existsSync(stateFile) ? JSON.parse(fs.readFileSync(stateFile, "utf8")) : null);

/** Both keys from the environment when set, else generated once for this run dir: every instance must use the same. */
function sharedSecrets() {
  const file = path.join(dir, "secrets.json");
  if (!fs.existsSync(file)) {
    const generated = { AUTH_SECRET: randomBytes(32).toString("hex"), SECRET_ENCRYPTION_KEY: randomBytes(32).toString("hex") };
    fs.writeFileSync(file, JSON.stringify(generated), { mode: 0o600 });
  }
  const stored = JSON.parse(fs.readFileSync(file, "utf8"));
  const given = pickEnv(["AUTH_SECRET", "SECRET_ENCRYPTION_KEY"]);
  return {
    AUTH_SECRET: given.AUTH_SECRET ?? stored.AUTH_SECRET,
    SECRET_ENCRYPTION_KEY: given.SECRET_ENCRYPTION_KEY ?? stored.SECRET_ENCRYPTION_KEY,
  };
}

async function start() {
  const instances = int("instances", 1, 64);
  const redisPort = int("redis-port", 1, 65535);
  const pgPort = int("pg-port", 1, 65535);
  const workers = int("workers", 1, 64);
  if (readState()) throw new Error(`a cluster is registered in ${dir}: run stop first`);
  const buildDir = ensurePostgresBuild();
  fs.mkdirSync(dir, { recursive: true });
  const instancePorts = Array.from({ length: instances }, (_, i) => port + 1 + i);
  const maxBodyBytes = pickEnv(["MAX_BODY_BYTES"]).MAX_BODY_BYTES;
  const state = { dir, buildDir, port, instancePorts, env: { DATA_DIR: path.join(dir, "data"), ...sharedSecrets() } };
  // Registered before anything starts, so stop can clean up after a failed start.
  fs.writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });

  state.env.DATABASE_URL = services.startPostgres(dir, pgPort);
  state.env.REDIS_URL = services.startRedis(dir, redisPort);
  fs.writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
  log(`PostgreSQL ${state.env.DATABASE_URL}, Redis ${state.env.REDIS_URL}`);

  const env = childEnv(state.env);
  execFileSync(process.execPath, [path.join(buildDir, "scripts/db/migrate.mjs")], {
    cwd: buildDir,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const created = JSON.parse(runAdmin(state, ["bootstrap"], "pipe").stdout.toString()).created;

  const instanceEnv = { ...state.env, TRUSTED_PROXIES: "127.0.0.1", OCR_WORKERS: String(workers), MAX_BODY_BYTES: String(maxBodyBytes) };
  instancePorts.forEach((p, index) => services.startInstance({ buildDir, dir, index, port: p, env: instanceEnv }));
  await Promise.all(instancePorts.map((p) => services.waitForOk(`http://127.0.0.1:${p}/api/health`, 600_000)));
  services.startNginx({ dir, port, instancePorts, maxBodyBytes });
  await services.waitForOk(`http://127.0.0.1:${port}/api/health`, 30_000);

  log(`${instances} instances on ${instancePorts.join(", ")} behind nginx on http://127.0.0.1:${port} (run dir ${dir})`);
  if (created) log(`demo account created: node scripts/cluster.mjs admin --dir ${dir} -- demo-credentials`);
}

async function stop() {
  const state = readState();
  if (state) {
    await services.stopNginx(dir);
    await Promise.all(state.instancePorts.map((_, index) => services.stopInstance(dir, index)));
    await services.stopRedis(dir);
    services.stopPostgres(dir);
    fs.rmSync(stateFile);
    log(`stopped the cluster in ${dir}`);
  }
  if (args.purge) fs.rmSync(dir, { recursive: true, force: true });
}

/** The operator CLI (scripts/admin.ts) against the cluster's database and keys; start applied the schema already. */
function runAdmin(state, argv, stdout = "inherit") {
  const out = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(state.buildDir, "scripts/admin.ts"), ...argv],
    {
      cwd: state.buildDir,
      env: childEnv(state.env),
      stdio: ["ignore", stdout, "inherit"],
    },
  );
  if (stdout === "pipe" && out.status !== 0) throw new Error(`admin ${argv[0]} failed: ${out.stdout}`);
  return out;
}

const command = positionals[0];
try {
  if (command === "start") await start();
  else if (command === "stop") await stop();
  else if (command === "admin") {
    const state = readState();
    if (!state) throw new Error(`no cluster registered in ${dir}`);
    process.exitCode = runAdmin(state, positionals.slice(1)).status ?? 1;
  } else throw new Error("usage: node scripts/cluster.mjs start|stop|admin [options] (see the comment at the top)");
} catch (err) {
  log(err instanceof Error ? err.message : String(err));
  if (command === "start") {
    log("start failed: stopping what was started (logs stay in the run dir)");
    await stop().catch(() => {});
  }
  process.exitCode = 1;
}
