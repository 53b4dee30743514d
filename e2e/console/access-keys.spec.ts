import { expect, test, type Page } from "@playwright/test";

import { admin } from "../fixtures/admin";
import { CONSOLE_STATE, asClient, clientIp, readConsoleUser, uniqueEmail } from "./helpers";

/** 新建 AccessKey → 身份验证 with this password; the dialog stays open on a refusal. */
async function createWithPassword(page: Page, password: string) {
  await page.getByRole("button", { name: "新建 AccessKey" }).first().click();
  const verify = page.getByRole("dialog", { name: "身份验证" });
  await verify.getByRole("textbox", { name: "登录密码" }).fill(password);
  await verify.getByRole("button", { name: "验证并创建" }).click();
  return verify;
}

test.describe("with the console user", () => {
  test.use({ storageState: CONSOLE_STATE });

  test("access key: the password is asked again; then disable, enable and delete", async ({ page }) => {
    await page.goto("/access-keys");
    const refused = await createWithPassword(page, "not-my-password");
    await expect(refused.getByText("登录密码不正确")).toBeVisible();
    await expect(page.getByRole("dialog", { name: "AccessKey 创建成功" })).toHaveCount(0);
    await refused.getByRole("button", { name: "取消" }).click();

    await createWithPassword(page, readConsoleUser().password);
    const dialog = page.getByRole("dialog", { name: "AccessKey 创建成功" });
    await expect(dialog.getByTestId("secret-SecretKey")).toHaveText(/^[0-9a-f]{32}$/);
    const accessKey = (await dialog.getByTestId("secret-AccessKey").textContent())!.trim();
    await dialog.getByRole("button", { name: "知道了" }).click();

    const row = page.getByRole("row", { name: new RegExp(accessKey) });
    await row.getByRole("button", { name: `禁用 ${accessKey}` }).click();
    await expect(row).toContainText("已禁用");
    await row.getByRole("button", { name: `启用 ${accessKey}` }).click();
    await expect(row.getByRole("button", { name: `禁用 ${accessKey}` })).toBeVisible();

    await row.getByRole("button", { name: `删除 ${accessKey}` }).click();
    await page.getByRole("dialog", { name: "删除 AccessKey" }).getByRole("button", { name: "确认删除" }).click();
    await expect(page.getByRole("row", { name: new RegExp(accessKey) })).toHaveCount(0);
  });
});

test("password re-entry: 5 wrong passwords, then even the right one waits", async ({ browser }) => {
  // Its own user: the limit is per user, and the shared console user must keep its budget.
  const user = { email: uniqueEmail("reauth"), password: "Reauth-Pass-2024" };
  admin("create-user", "--email", user.email, "--password", user.password);
  const page = await (await browser.newContext(asClient(clientIp()))).newPage();
  await page.goto("/login?callbackUrl=%2Faccess-keys");
  await page.getByLabel("邮箱").fill(user.email);
  await page.getByLabel("密码").fill(user.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/access-keys$/);

  for (let i = 0; i < 5; i++) {
    const verify = await createWithPassword(page, `wrong-${i}-password`);
    await expect(verify.getByText("登录密码不正确")).toBeVisible();
    await verify.getByRole("button", { name: "取消" }).click();
  }
  const verify = await createWithPassword(page, user.password);
  await expect(verify.getByText("密码验证失败次数过多，请 15 分钟后再试")).toBeVisible();
  await expect(page.getByRole("dialog", { name: "AccessKey 创建成功" })).toHaveCount(0);
});
