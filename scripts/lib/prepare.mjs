// Shared set-up steps for `npm start`, `npm test` and the admin CLI. Each step is idempotent and
// cheap when there is nothing to do, so a fresh clone and a warm checkout take the same path.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { childEnv } from "../../lib/env/child-env.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// Scripts see the same optional .env as the Next server does.
if (fs.existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const log = (msg) => process.stderr.write(`[prepare] ${msg}\n`);

/** `npm ci` when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const marker = path.join(root, "node_modules/.package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  log("installing dependencies (npm ci)…");
  // --include=dev: `npm start` may run with NODE_ENV=production, which would otherwise drop the
  // build and test tools (esbuild, tsx, vitest) that the same checkout needs.
  // ONNXRUNTIME_NODE_INSTALL=skip: onnxruntime-node's postinstall would otherwise download CUDA
  // libraries (linux/x64) that this CPU-only server never loads (.npmrc says the same for a
  // hand-run `npm ci`; npm warns about that key, the variable keeps the skip if it ever stops reading it).
  execFileSync("npm", ["ci", "--include=dev", "--no-audit", "--no-fund"], {
    cwd: root,
    stdio: ["ignore", process.stderr, "inherit"],
    env: childEnv({ ONNXRUNTIME_NODE_INSTALL: "skip" }),
  });
  if (Number(process.versions.node.split(".")[0]) < 22) {
    log("expected above on Node 20/21: one EBADENGINE warning for @prisma/streams-local (part of `prisma dev`, which is never run here)");
  }
}

export async function ensurePrismaClient() {
  const { generateClient } = await import("../db/generate.mjs");
  if (generateClient().generated) log("generated the Prisma client");
}

export function ensureDatabase() {
  // A child process, so the schema engine's database connection (and any lock) ends with it.
  const out = JSON.parse(
    execFileSync(process.execPath, [path.join(root, "scripts/db/migrate.mjs")], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    }).toString(),
  );
  if (out.applied?.length) log(`applied migrations: ${out.applied.join(", ")}`);
  if (out.pushed) log(`pushed schema (${out.pushed} steps)`);
}

export function ensureOcrWorker() {
  execFileSync(process.execPath, [path.join(root, "scripts/build-ocr-worker.mjs")], {
    cwd: root,
    stdio: ["ignore", process.stderr, "inherit"],
  });
}

/** Hash of everything that goes into `next build`, to skip rebuilding an up-to-date .next. */
function buildInputsHash() {
  const hash = createHash("sha256");
  const roots = [
    "app",
    "components",
    "lib",
    "public",
    "prisma/schema.prisma",
    "next.config.mjs",
    "package-lock.json",
    "postcss.config.mjs",
    "tsconfig.json",
    "proxy.ts",
    "instrumentation.ts",
  ];
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (!name.startsWith(".")) walk(path.join(p, name));
    } else if (!/\.test\.tsx?$/.test(p)) {
      hash.update(path.relative(root, p)).update(fs.readFileSync(p));
    }
  };
  roots.forEach((r) => walk(path.join(root, r)));
  return hash.digest("hex");
}

/** `next build` unless .next was built from the same inputs. */
export function ensureNextBuild() {
  const stamp = path.join(root, ".next/.inputs-hash");
  const hash = buildInputsHash();
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hash) return;
  log("building the web app (next build)…");
  execFileSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: ["ignore", process.stderr, "inherit"],
    env: childEnv({ NEXT_TELEMETRY_DISABLED: "1" }),
  });
  log('expected above: "Experiments (use with caution): serverActions" is the 12 MB upload limit of the playground (next.config.mjs)');
  fs.writeFileSync(stamp, hash);
}
