import path from "node:path";

import { defineConfig, devices } from "@playwright/test";

// One server for every e2e project: production build, its own data directory (wiped by
// scripts/test.mjs before each run), port 3100 so it never collides with a dev server.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = path.resolve(process.env.E2E_DATA_DIR ?? "data/e2e");
const baseURL = `http://127.0.0.1:${E2E_PORT}`;
/** The e2e server's METRICS_TOKEN, so a spec can scrape /api/metrics. */
export const E2E_METRICS_TOKEN = "e2e-metrics-token-0123456789";

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-quic",
      "--no-first-run",
      "--disable-sync",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? "test-results/e2e-report.json" }]],
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure", locale: "zh-CN", timezoneId: "Asia/Shanghai" },
  projects: [
    { name: "api", testMatch: /api\/.*\.spec\.ts/ },
    { name: "console-setup", testMatch: /console\/auth\.setup\.ts/, use: chromium },
    { name: "console", testMatch: /console\/.*\.spec\.ts/, dependencies: ["console-setup"], use: chromium },
  ],
  webServer: {
    command: "node scripts/start.mjs",
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(E2E_PORT), DATA_DIR: E2E_DATA_DIR, NODE_ENV: "production", METRICS_TOKEN: E2E_METRICS_TOKEN },
  },
});
