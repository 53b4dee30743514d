import { defineConfig } from "@playwright/test";

// The scale-out reference deployment under test (README "Scaling out"): scripts/cluster.mjs starts
// PostgreSQL, Redis, 2 instances and nginx on loopback in global setup and stops them in teardown.
// Run by `npm test` as its third stage; alone: npx playwright test -c playwright.cluster.config.ts
export default defineConfig({
  testDir: "e2e/cluster",
  outputDir: "test-results/cluster",
  globalSetup: "./e2e/cluster/cluster-setup.ts",
  globalTeardown: "./e2e/cluster/cluster-teardown.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  // Bounds the whole stage, the PostgreSQL build of a changed checkout (next build) included.
  globalTimeout: 25 * 60_000,
  expect: { timeout: 30_000 },
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? "test-results/cluster-report.json" }]],
});
