import fs from "node:fs";
import path from "node:path";

import { expect, test as setup } from "@playwright/test";

import { CONSOLE_STATE, CONSOLE_USER, snap, uniqueEmail } from "./helpers";

// Register a fresh console user through the UI, which logs it in; keep the session for the specs.
setup("register and log in", async ({ page }, testInfo) => {
  const user = { email: uniqueEmail("console"), password: "Console-Pass-2024" };

  await page.goto("/overview");
  await expect(page).toHaveURL(/\/login/);
  await snap(page, testInfo, "login");

  await page.getByRole("link", { name: "立即注册" }).click();
  await expect(page.getByRole("heading", { name: "注册账号" })).toBeVisible();
  await page.getByLabel("邮箱").fill(user.email);
  await page.getByRole("textbox", { name: "密码", exact: true }).fill(user.password);
  await page.getByLabel("确认密码").fill("mismatch-123");
  await page.getByRole("button", { name: "注册并登录" }).click();
  await expect(page.getByText("两次输入的密码不一致")).toBeVisible();
  await page.getByLabel("确认密码").fill(user.password);
  await snap(page, testInfo, "register");
  await page.getByRole("button", { name: "注册并登录" }).click();

  await expect(page).toHaveURL(/\/overview/);
  await expect(page.getByTestId("current-user")).toHaveText(user.email);

  // Log out and back in with the same credentials.
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("邮箱").fill(user.email);
  await page.getByLabel("密码").fill(user.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/overview/);

  fs.mkdirSync(path.dirname(CONSOLE_STATE), { recursive: true });
  fs.writeFileSync(CONSOLE_USER, JSON.stringify(user));
  await page.context().storageState({ path: CONSOLE_STATE });
});
