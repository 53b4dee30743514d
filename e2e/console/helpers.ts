import fs from "node:fs";
import path from "node:path";

import type { Page, TestInfo } from "@playwright/test";

export const CONSOLE_STATE = path.resolve("e2e/.auth/console.json");
export const CONSOLE_USER = path.resolve("e2e/.auth/console-user.json");
export const ARTIFACTS_DIR = path.resolve("e2e/artifacts");

export interface ConsoleUser {
  email: string;
  password: string;
}

export const readConsoleUser = (): ConsoleUser => JSON.parse(fs.readFileSync(CONSOLE_USER, "utf8")) as ConsoleUser;

/** Full-page screenshot kept as a test artifact (attached to the report and copied to e2e/artifacts/). */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  fs.copyFileSync(file, path.join(ARTIFACTS_DIR, `${name}.png`));
}

export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

/** Every Content-Security-Policy violation the browser reports on this page (Chromium logs each as a console error). */
export function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

/** A documentation address (RFC 5737) standing in for one client: the trusted loopback proxy passes it on as the client IP. */
export const clientIp = () => `203.0.113.${1 + Math.floor(Math.random() * 254)}`;

/** A browser context that looks like a client at `ip` (no session). */
export const asClient = (ip: string) => ({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { "x-forwarded-for": ip } });
