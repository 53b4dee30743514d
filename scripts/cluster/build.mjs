// The PostgreSQL build of the app for scripts/cluster.mjs. The Prisma client is generated per
// provider into lib/generated and `next build` bundles it into .next, so a PostgreSQL deployment
// cannot share the checkout's SQLite build: the sources are copied to
// $TMPDIR/ocr-cluster-build/build-<hash> (node_modules hard-linked where the file system allows),
// the client is generated for PostgreSQL and the app is built there. Outside the checkout, so Next
// sees one project root (inside it, Next picks the checkout's lockfile as the workspace root).
// The hash covers every copied file, so an unchanged checkout reuses the last build.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { root } from "../lib/prepare.mjs";
import { childEnv } from "../../lib/env/child-env.mjs";

const cacheDir = path.join(os.tmpdir(), "ocr-cluster-build");
// Local state, build outputs and docs of the checkout: not needed to run, so neither copied nor
// hashed (editing the README does not rebuild). e2e/ and tests/ are copied: \`next build\` type-checks
// the whole project as the checkout does (specs import the Playwright configs; the measurement
// scripts import e2e fixtures and test support). Unit test files are skipped below.
const SKIP = new Set([
  "node_modules",
  ".next",
  ".git",
  "data",
  "lib/generated",
  "prisma/.variant",
  ".ocr-worker",
  "bench-results",
  "playwright-report",
  "test-results",
  ".ci",
  "deploy",
  "scripts/cluster",
  "scripts/cluster.mjs",
]);
const skipped = (rel) => SKIP.has(rel) || /^test-results-|^\.env(\.local)?$/.test(rel) || /\.(test\.tsx?|md|tsbuildinfo)$/.test(rel);

function sourceFiles() {
  const files = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (skipped(child)) continue;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.push(child);
    }
  };
  walk("");
  return files;
}

const log = (msg) => process.stderr.write(`[cluster] ${msg}\n`);

/** Returns the directory of an up-to-date PostgreSQL build, building it when the sources changed. */
export function ensurePostgresBuild() {
  const files = sourceFiles();
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(file)
      .update("\0")
      .update(fs.readFileSync(path.join(root, file)));
  const id = hash.digest("hex").slice(0, 16);
  const buildDir = path.join(cacheDir, `build-${id}`);
  if (fs.existsSync(path.join(buildDir, ".ready"))) return buildDir;

  // Only the newest build is kept (each holds a .next of its own).
  fs.mkdirSync(cacheDir, { recursive: true });
  for (const name of fs.readdirSync(cacheDir))
    if (name.startsWith("build-")) fs.rmSync(path.join(cacheDir, name), { recursive: true, force: true });

  log(`preparing the PostgreSQL build in ${buildDir} (copy, client, next build)…`);
  // Built in place (.next holds absolute paths); `.ready` marks a finished build, a partial one was wiped above.
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(buildDir, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(buildDir, file));
  }
  try {
    execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(buildDir, "node_modules")], { stdio: "ignore" });
  } catch {
    // Another file system (e.g. a tmpfs /tmp): a real copy.
    fs.rmSync(path.join(buildDir, "node_modules"), { recursive: true, force: true });
    execFileSync("cp", ["-a", path.join(root, "node_modules"), path.join(buildDir, "node_modules")]);
  }

  // Only the provider matters here (the URL is never connected to); the keys only satisfy lib/env.
  const env = childEnv({
    DATABASE_URL: "postgresql://build@127.0.0.1:1/build",
    AUTH_SECRET: randomBytes(32).toString("hex"),
    SECRET_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    DATA_DIR: path.join(buildDir, "data"),
    REDIS_URL: "",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const run = (args) => execFileSync(process.execPath, args, { cwd: buildDir, env, stdio: ["ignore", process.stderr, "inherit"] });
  run(["scripts/db/generate.mjs"]);
  run(["scripts/build-ocr-worker.mjs"]);
  run(["node_modules/next/dist/bin/next", "build"]);
  fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
  fs.writeFileSync(path.join(buildDir, ".ready"), new Date().toISOString());
  return buildDir;
}
