import { expect, test } from "@playwright/test";

import { CONSOLE_STATE } from "./helpers";

test.use({ storageState: CONSOLE_STATE });

test("app: edit, QPS and IP allow-list, delete", async ({ page }) => {
  const name = `临时应用-${Date.now() % 100000}`;
  await page.goto("/apps");
  await page.getByRole("button", { name: "新增应用" }).click();
  await page.getByRole("dialog", { name: "新增应用" }).getByLabel("应用名称").fill(name);
  await page.getByRole("dialog", { name: "新增应用" }).getByRole("button", { name: "确定" }).click();
  await page.getByRole("dialog", { name: "应用创建成功" }).getByRole("button", { name: "知道了" }).click();

  await page.getByRole("button", { name: `编辑：${name}` }).click();
  const edit = page.getByRole("dialog", { name: "编辑应用" });
  await edit.getByLabel("应用名称").fill(`${name}-改`);
  await edit.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("table", { name: "应用列表" })).toContainText(`${name}-改`);

  await page.getByRole("link", { name: `${name}-改`, exact: true }).click();
  await page.getByLabel("QPS 限制").fill("10");
  await page.getByLabel("IP 白名单").fill("10.0.0.0/8\nnot-an-ip");
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByText("IP 白名单包含无效的地址")).toBeVisible();
  await page.getByLabel("IP 白名单").fill("10.0.0.0/8\n127.0.0.1");
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByText("调用设置已保存")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("QPS 限制")).toHaveValue("10");
  await expect(page.getByLabel("IP 白名单")).toHaveValue("10.0.0.0/8\n127.0.0.1");

  await page.getByRole("button", { name: `删除：${name}-改` }).click();
  await page.getByRole("dialog", { name: "删除应用" }).getByRole("button", { name: "确认删除" }).click();
  await expect(page).toHaveURL(/\/apps$/);
  await expect(page.getByText(`${name}-改`)).toHaveCount(0);
});
