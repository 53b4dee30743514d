#!/usr/bin/env node
// `npm test`: every suite, from a fresh clone or a warm checkout.
//   1. set-up (deps, Prisma client, OCR worker bundle)
//   2. static checks: `npm run lint` (Biome, import boundaries) and `npm run typecheck`, one count each
//   3. unit + integration tests (Vitest)
//   4. end-to-end tests (Playwright: API conformance + console in Debian's chromium) against a
//      production server started on port 3100 with a wiped data/e2e directory
//   5. the scale-out deployment (Playwright, playwright.cluster.config.ts): nginx, 2 instances,
//      PostgreSQL and Redis started by scripts/cluster.mjs (Debian's postgresql, redis-server, nginx)
// Ends with one "N passed, N failed" line over all suites; exits non-zero on any failure.
// `npm test lint|unit|e2e|cluster` runs one of the suites.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { ensureDependencies, ensureNextBuild, ensureOcrWorker, ensurePrismaClient, root } from "./lib/prepare.mjs";
import { childEnv } from "../lib/env/child-env.mjs";

ensureDependencies();
await ensurePrismaClient();
ensureOcrWorker();

const results = fs.mkdtempSync(path.join(root, "test-results-"));
const run = (args, env = {}) =>
  spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: childEnv({ NEXT_TELEMETRY_DISABLED: "1", ...env }) }).status ?? 1;
const readJson = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null);

const only = process.argv[2]; // "lint", "unit", "e2e" or "cluster" to run one suite
let passed = 0;
let failed = 0;
let crashed = false;

if (!only || only === "lint") {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  for (const script of ["lint", "typecheck"]) {
    const status = spawnSync(npm, ["run", "--silent", script], { cwd: root, stdio: "inherit" }).status;
    if (status === 0) passed += 1;
    else {
      failed += 1;
      console.error(`npm run ${script} failed`);
    }
  }
}

if (!only || only === "unit") {
  const out = path.join(results, "vitest.json");
  const status = run([
    path.join(root, "node_modules/vitest/vitest.mjs"),
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${out}`,
  ]);
  const report = readJson(out);
  passed += report?.numPassedTests ?? 0;
  failed += report?.numFailedTests ?? 0;
  crashed ||= status !== 0 && !report?.numFailedTests;
}

/** Runs Playwright with `configArgs` and adds its counts to the totals. */
function playwrightStage(name, configArgs, env = {}) {
  const out = path.join(results, `${name}.json`);
  const status = run([path.join(root, "node_modules/@playwright/test/cli.js"), "test", ...configArgs], {
    ...env,
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
  });
  const stats = readJson(out)?.stats;
  passed += stats?.expected ?? 0;
  failed += (stats?.unexpected ?? 0) + (stats?.flaky ?? 0);
  crashed ||= status !== 0 && !stats?.unexpected;
}

if (!only || only === "e2e") {
  const dataDir = path.join(root, "data/e2e");
  fs.rmSync(dataDir, { recursive: true, force: true });
  ensureNextBuild();
  playwrightStage("playwright", [], { E2E_DATA_DIR: dataDir });
}

if (!only || only === "cluster") playwrightStage("cluster", ["-c", "playwright.cluster.config.ts"]);

fs.rmSync(results, { recursive: true, force: true });
console.log(`\nAll suites: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || crashed ? 1 : 0);
