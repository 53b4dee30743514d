import { expect, test } from "@playwright/test";

import { admin } from "../fixtures/admin";
import { uniqueEmail } from "./helpers";

test("protected pages redirect to login; login is rate limited after 5 failures", async ({ page }) => {
  await page.goto("/apps");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fapps/);

  const email = uniqueEmail("limited");
  admin("create-user", "--email", email, "--password", "Right-Pass-2024");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("邮箱").fill(email);
    await page.getByLabel("密码").fill(`wrong-${i}-pass`);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "邮箱或密码错误" })).toBeVisible();
  }
  await page.getByLabel("密码").fill("Right-Pass-2024");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "登录失败次数过多" })).toHaveText("登录失败次数过多，请 15 分钟后再试");
  await expect(page).toHaveURL(/\/login/);
});
