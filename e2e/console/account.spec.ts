import { expect, test, type Browser, type Page } from "@playwright/test";

import { admin } from "../fixtures/admin";
import { asClient, clientIp, uniqueEmail } from "./helpers";

// 账号安全: each login is a session the owner sees and can end; a password change ends every
// session but the one that made it. Two browsers (contexts) of one account.

// A busy CI machine: logins hash passwords (scrypt), samples start runtimes, axe walks each page twice.
test.describe.configure({ timeout: 300_000 });

async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext(asClient(clientIp()))).newPage();
  await page.goto("/login");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/overview/);
  return page;
}

/** The other browser, on its next page view, is back at the login page. */
async function expectSignedOut(page: Page) {
  await page.goto("/overview");
  await expect(page).toHaveURL(/\/login/);
}

test("revoking a session signs that browser out; the list marks the current one", async ({ browser }) => {
  const email = uniqueEmail("sessions");
  admin("create-user", "--email", email, "--password", "First-Pass-2024");
  const mine = await signedIn(browser, email, "First-Pass-2024");
  const other = await signedIn(browser, email, "First-Pass-2024");

  await mine.goto("/account");
  const sessions = mine.getByRole("table", { name: "登录会话" });
  await expect(sessions.locator("tbody tr")).toHaveCount(2);
  await expect(sessions.getByText("当前会话")).toHaveCount(1);
  await mine.getByRole("button", { name: /^退出会话/ }).click();
  await expect(mine.getByText("该会话已退出登录")).toBeVisible();
  await expect(sessions.locator("tbody tr")).toHaveCount(1);

  await expectSignedOut(other);
  await mine.goto("/overview");
  await expect(mine).toHaveURL(/\/overview/);
});

test("a password change signs out the second browser session, keeps this one", async ({ browser }) => {
  const email = uniqueEmail("password");
  admin("create-user", "--email", email, "--password", "Old-Pass-2024");
  const mine = await signedIn(browser, email, "Old-Pass-2024");
  const other = await signedIn(browser, email, "Old-Pass-2024");

  await mine.goto("/account");
  const form = mine.getByRole("form", { name: "修改登录密码" });
  await form.getByLabel("当前密码").fill("Not-The-Pass-1");
  await form.getByLabel(/^\*?新密码$/).fill("New-Pass-2024");
  await form.getByLabel("确认新密码").fill("New-Pass-2024");
  await form.getByRole("button", { name: "修改密码" }).click();
  await expect(form.getByText("当前密码不正确")).toBeVisible();

  await form.getByLabel("确认新密码").fill("Other-Pass-2024");
  await form.getByLabel("当前密码").fill("Old-Pass-2024");
  await form.getByRole("button", { name: "修改密码" }).click();
  await expect(form.getByText("两次输入的新密码不一致")).toBeVisible();

  await form.getByLabel("确认新密码").fill("New-Pass-2024");
  await form.getByRole("button", { name: "修改密码" }).click();
  await expect(mine.getByText("密码已修改，已退出其他 1 个会话")).toBeVisible();

  await expectSignedOut(other);
  await mine.goto("/overview");
  await expect(mine).toHaveURL(/\/overview/);

  // The old password no longer opens a session; the new one does.
  await other.getByLabel("邮箱").fill(email);
  await other.getByLabel("密码").fill("Old-Pass-2024");
  await other.getByRole("button", { name: "登录" }).click();
  await expect(other.getByRole("alert").filter({ hasText: "邮箱或密码错误" })).toBeVisible();
  await other.getByLabel("密码").fill("New-Pass-2024");
  await other.getByRole("button", { name: "登录" }).click();
  await expect(other).toHaveURL(/\/overview/);
});

test("signing out ends the session on the server, not only in the browser", async ({ browser }) => {
  const email = uniqueEmail("logout");
  admin("create-user", "--email", email, "--password", "Logout-Pass-2024");
  const page = await signedIn(browser, email, "Logout-Pass-2024");
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);

  // The cookie from before the sign-out, replayed in a fresh browser, is worthless.
  const replay = await browser.newContext(asClient(clientIp()));
  await replay.addCookies(cookies);
  const again = await replay.newPage();
  await again.goto("/overview");
  await expect(again).toHaveURL(/\/login/);
});
