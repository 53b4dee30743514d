import { expect, test, type Browser, type Page } from "@playwright/test";

import { admin } from "../fixtures/admin";
import { asClient, clientIp, readConsoleUser, uniqueEmail } from "./helpers";

// Next's route announcer is an alert too: look for the form's alert by its text.
const alertWith = (page: Page, text: string) => page.getByRole("alert").filter({ hasText: text });

async function logIn(page: Page, email: string, password: string) {
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** A fresh browser (no session) that the server sees as a client at `ip`. */
async function clientAt(browser: Browser, ip: string): Promise<Page> {
  const context = await browser.newContext(asClient(ip));
  return context.newPage();
}

test("protected pages redirect to login", async ({ page }) => {
  await page.goto("/apps");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fapps/);
});

test("an unknown e-mail and a wrong password get the same answer", async ({ browser }) => {
  const email = uniqueEmail("known");
  admin("create-user", "--email", email, "--password", "Right-Pass-2024");
  const page = await clientAt(browser, clientIp());
  await page.goto("/login");

  const form = page.getByRole("form", { name: "登录" });
  await logIn(page, email, "Wrong-Pass-2024");
  await expect(alertWith(page, "邮箱或密码错误")).toBeVisible();
  const wrongPassword = await form.innerText();
  await page.reload();
  await logIn(page, uniqueEmail("nobody"), "Wrong-Pass-2024");
  await expect(alertWith(page, "邮箱或密码错误")).toBeVisible();
  // The whole form reads the same (the typed e-mail aside, which is an input's value, not text).
  expect(await form.innerText()).toBe(wrongPassword);
});

test("failures lock the account only from that IP: the owner elsewhere still gets in", async ({ browser }) => {
  const email = uniqueEmail("victim");
  admin("create-user", "--email", email, "--password", "Right-Pass-2024");

  const attacker = await clientAt(browser, "198.51.100.66");
  await attacker.goto("/login");
  for (let i = 0; i < 5; i++) {
    await logIn(attacker, email, `wrong-${i}-pass`);
    await expect(alertWith(attacker, "邮箱或密码错误")).toHaveText("邮箱或密码错误");
    await attacker.reload();
  }
  // Locked from here, even with the right password.
  await logIn(attacker, email, "Right-Pass-2024");
  await expect(alertWith(attacker, "登录尝试过于频繁，请 1 分钟后再试")).toHaveText("登录尝试过于频繁，请 1 分钟后再试");
  await expect(attacker).toHaveURL(/\/login/);

  const owner = await clientAt(browser, "203.0.113.200");
  await owner.goto("/login");
  await logIn(owner, email, "Right-Pass-2024");
  await expect(owner).toHaveURL(/\/overview/);
  await expect(owner.getByTestId("current-user")).toHaveText(email);
});

test("registering an existing address answers like a new one and leaves the account alone", async ({ browser }) => {
  const email = uniqueEmail("taken");
  admin("create-user", "--email", email, "--password", "Owner-Pass-2024");

  const page = await clientAt(browser, clientIp());
  await page.goto("/register");
  await page.getByLabel("邮箱").fill(email);
  await page.getByRole("textbox", { name: "密码", exact: true }).fill("Intruder-Pass-2024");
  await page.getByLabel("确认密码").fill("Intruder-Pass-2024");
  await page.getByRole("button", { name: "注册并登录" }).click();

  // No "already registered": the same neutral status a new account gets when it is not logged in at once.
  await expect(page).toHaveURL(/\/login\?registered=1/);
  await expect(page.getByRole("status").filter({ hasText: "注册申请已提交" })).toHaveText(
    "注册申请已提交，请用该邮箱和密码登录（若该邮箱此前已注册，请使用原密码）。",
  );
  await expect(page.getByText("已注册", { exact: true })).toHaveCount(0);

  // The intruder's password did not become the account's; the owner's still works.
  await logIn(page, email, "Intruder-Pass-2024");
  await expect(alertWith(page, "邮箱或密码错误")).toHaveText("邮箱或密码错误");
  await logIn(page, email, "Owner-Pass-2024");
  await expect(page).toHaveURL(/\/overview/);
});

test("registration is throttled per IP", async ({ browser }) => {
  const page = await clientAt(browser, "198.51.100.77");
  const register = async (i: number) => {
    await page.context().clearCookies();
    await page.goto("/register");
    await page.getByLabel("邮箱").fill(uniqueEmail(`burst${i}`));
    await page.getByRole("textbox", { name: "密码", exact: true }).fill("Burst-Pass-2024");
    await page.getByLabel("确认密码").fill("Burst-Pass-2024");
    await page.getByRole("button", { name: "注册并登录" }).click();
  };
  for (let i = 0; i < 10; i++) {
    await register(i);
    await expect(page).toHaveURL(/\/overview/);
  }
  await register(10);
  // The wait is what is left of the hour that the first registration opened.
  await expect(page.getByRole("alert").filter({ hasText: "注册过于频繁" })).toHaveText(/^注册过于频繁，请 (59|60) 分钟后再试$/);
  await expect(page).toHaveURL(/\/register/);
});

test("a login link's callbackUrl is followed only to a path on this site", async ({ browser }) => {
  const user = readConsoleUser();
  for (const [callbackUrl, landing] of [
    ["/packs", /\/packs$/],
    ["/\\evil.example", /^http:\/\/127\.0\.0\.1:\d+\/overview$/],
    ["/\t/evil.example", /^http:\/\/127\.0\.0\.1:\d+\/overview$/],
    ["//evil.example/x", /^http:\/\/127\.0\.0\.1:\d+\/overview$/],
    ["https://evil.example/", /^http:\/\/127\.0\.0\.1:\d+\/overview$/],
  ] as const) {
    const page = await clientAt(browser, clientIp());
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await logIn(page, user.email, user.password);
    await expect(page).toHaveURL(landing);
    await page.context().close();
  }
});
