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
