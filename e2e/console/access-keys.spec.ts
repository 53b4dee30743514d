import { expect, test } from "@playwright/test";

import { CONSOLE_STATE } from "./helpers";

test.use({ storageState: CONSOLE_STATE });

test("access key: disable, enable and delete", async ({ page }) => {
  await page.goto("/access-keys");
  await page.getByRole("button", { name: "新建 AccessKey" }).click();
  const dialog = page.getByRole("dialog", { name: "AccessKey 创建成功" });
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
