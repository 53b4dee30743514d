// The processes of the reference deployment (scripts/cluster.mjs), each on loopback only and with
// its data, logs and pid files under the cluster's run dir: PostgreSQL and redis-server from
// Debian's packages, N app instances, nginx in front.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { root } from "../lib/prepare.mjs";
import { childEnv } from "../../lib/env/child-env.mjs";

const isRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary; as root via `runuser -u postgres`, since PostgreSQL refuses to run as root. */
function pgRun(bin, args, cwd) {
  const [cmd, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { cwd, stdio: ["ignore", "ignore", "inherit"] });
}

function postgresBinDir() {
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, "bin/pg_ctl"))) : [];
  if (!versions.length) throw new Error("PostgreSQL not found under /usr/lib/postgresql (apt-get install postgresql)");
  return path.join(base, versions.sort((a, b) => Number(b) - Number(a))[0], "bin");
}

/** Creates (first time) and starts a PostgreSQL cluster on 127.0.0.1:port with a database `ocr`. */
export function startPostgres(dir, port) {
  const bin = postgresBinDir();
  const data = path.join(dir, "postgres");
  const fresh = !fs.existsSync(path.join(data, "PG_VERSION"));
  if (fresh) {
    fs.mkdirSync(data, { recursive: true, mode: 0o700 });
    if (isRoot) execFileSync("chown", ["postgres:", data]);
    // trust: only loopback connections are accepted (listen_addresses below).
    pgRun(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], data);
  }
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${data} -c max_connections=200`;
  pgRun(path.join(bin, "pg_ctl"), ["-D", data, "-o", opts, "-l", path.join(data, "server.log"), "-w", "-t", "60", "start"], data);
  if (fresh) pgRun(path.join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "ocr"], data);
  return `postgresql://postgres@127.0.0.1:${port}/ocr`;
}

export function stopPostgres(dir) {
  const data = path.join(dir, "postgres");
  if (!fs.existsSync(path.join(data, "postmaster.pid"))) return;
  pgRun(path.join(postgresBinDir(), "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"], data);
}

/**
 * redis-server without persistence: it holds token buckets, throttles and replay ids, all of which
 * expire within minutes; a restart forgets them (a replay id could then be reused once).
 */
export function startRedis(dir, port) {
  execFileSync("redis-server", [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
    "--daemonize",
    "yes",
    "--dir",
    dir,
    "--pidfile",
    path.join(dir, "redis.pid"),
    "--logfile",
    path.join(dir, "redis.log"),
  ]);
  return `redis://127.0.0.1:${port}/0`;
}

export const stopRedis = (dir) => killFromPidFile(path.join(dir, "redis.pid"), "SIGTERM");

/** Starts one instance of the app (scripts/server.mjs from `buildDir`) in the background. */
export function startInstance({ buildDir, dir, index, port, env }) {
  const log = fs.openSync(path.join(dir, `instance-${index}.log`), "a");
  const child = spawn(process.execPath, [path.join(buildDir, "scripts/server.mjs")], {
    cwd: buildDir,
    env: childEnv({ ...env, PORT: String(port), HOSTNAME: "127.0.0.1", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }),
    stdio: ["ignore", log, log],
    detached: true,
  });
  child.unref();
  fs.closeSync(log);
  fs.writeFileSync(path.join(dir, `instance-${index}.pid`), String(child.pid));
  return child.pid;
}

export function stopInstance(dir, index) {
  return killFromPidFile(path.join(dir, `instance-${index}.pid`), "SIGTERM");
}

/** Renders deploy/cluster/nginx.conf.template and starts nginx with its prefix under the run dir. */
export function startNginx({ dir, port, instancePorts, maxBodyBytes }) {
  const prefix = path.join(dir, "nginx");
  fs.mkdirSync(prefix, { recursive: true });
  // As root nginx's workers run as nobody: they must be able to write their temp directories.
  for (const temp of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    fs.mkdirSync(path.join(prefix, temp), { recursive: true });
    fs.chmodSync(path.join(prefix, temp), 0o777);
  }
  const conf = fs
    .readFileSync(path.join(root, "deploy/cluster/nginx.conf.template"), "utf8")
    .replaceAll("{{PREFIX}}", prefix)
    .replaceAll("{{PORT}}", String(port))
    .replaceAll("{{MAX_BODY_BYTES}}", String(maxBodyBytes))
    .replaceAll("{{SERVERS}}", instancePorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join("\n"));
  const confFile = path.join(prefix, "nginx.conf");
  fs.writeFileSync(confFile, conf);
  execFileSync("nginx", ["-p", prefix, "-c", confFile, "-e", path.join(prefix, "error.log")], { stdio: ["ignore", "ignore", "inherit"] });
}

export const stopNginx = (dir) => killFromPidFile(path.join(dir, "nginx/nginx.pid"), "SIGQUIT");

/** Signals the process in `pidFile` and waits up to 15 s for it to go (then SIGKILL). */
export async function killFromPidFile(pidFile, signal) {
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").trim());
  fs.rmSync(pidFile);
  if (!alive(pid)) return;
  process.kill(pid, signal);
  for (let i = 0; i < 150 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, "SIGKILL");
}

export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `url` until it answers 200 (or throws after `timeoutMs`). */
export async function waitForOk(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5000) })).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
