#!/usr/bin/env node
// `npm test`: every suite, from a fresh clone or a warm checkout.
//   1. set-up (deps, Prisma client, OCR worker bundle)
//   2. unit + integration tests (Vitest)
//   3. end-to-end tests (Playwright: API conformance + console in Debian's chromium) against a
//      production server started on port 3100 with a wiped data/e2e directory
// Ends with one "N passed, N failed" line over all suites; exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { ensureDependencies, ensureNextBuild, ensureOcrWorker, ensurePrismaClient, root } from "./lib/prepare.mjs";

ensureDependencies();
await ensurePrismaClient();
ensureOcrWorker();

const results = fs.mkdtempSync(path.join(root, "test-results-"));
const run = (args, env = {}) =>
  spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } }).status ?? 1;
const readJson = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null);

const only = process.argv[2]; // "unit" or "e2e" to run one half
let passed = 0;
let failed = 0;
let crashed = false;

if (only !== "e2e") {
  const out = path.join(results, "vitest.json");
  const status = run([path.join(root, "node_modules/vitest/vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  const report = readJson(out);
  passed += report?.numPassedTests ?? 0;
  failed += report?.numFailedTests ?? 0;
  crashed ||= status !== 0 && !report?.numFailedTests;
}

if (only !== "unit") {
  const dataDir = path.join(root, "data/e2e");
  fs.rmSync(dataDir, { recursive: true, force: true });
  ensureNextBuild();
  const out = path.join(results, "playwright.json");
  const status = run([path.join(root, "node_modules/@playwright/test/cli.js"), "test"], { E2E_DATA_DIR: dataDir, PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  const stats = readJson(out)?.stats;
  passed += stats?.expected ?? 0;
  failed += (stats?.unexpected ?? 0) + (stats?.flaky ?? 0);
  crashed ||= status !== 0 && !stats?.unexpected;
}

fs.rmSync(results, { recursive: true, force: true });
console.log(`\nAll suites: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || crashed ? 1 : 0);
