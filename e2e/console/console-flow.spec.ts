import { expect, test } from "@playwright/test";

import { renderTextImage } from "../fixtures/images";
import { countStageShapes, shapeCenter } from "../fixtures/konva";
import { CONSOLE_STATE, readConsoleUser, snap, watchCspViolations } from "./helpers";

test.use({ storageState: CONSOLE_STATE });
test.describe.configure({ mode: "serial" });

const APP_NAME = `票据录入-${Date.now() % 100000}`;

test("access key: create, SK shown once", async ({ page }, testInfo) => {
  await page.goto("/access-keys");
  await expect(page.getByRole("heading", { name: "用户 AccessKey" })).toBeVisible();
  await expect(page.getByText("还没有 AccessKey")).toBeVisible();
  await page.getByRole("button", { name: "新建 AccessKey" }).first().click();
  const verify = page.getByRole("dialog", { name: "身份验证" });
  await verify.getByRole("textbox", { name: "登录密码" }).fill(readConsoleUser().password);
  await verify.getByRole("button", { name: "验证并创建" }).click();
  const dialog = page.getByRole("dialog", { name: "AccessKey 创建成功" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("secret-SecretKey")).toHaveText(/^[0-9a-f]{32}$/);
  await snap(page, testInfo, "access-key-created");
  await dialog.getByRole("button", { name: "知道了" }).click();
  await expect(page.getByRole("table", { name: "AccessKey 列表" })).toContainText("启用");
  await expect(page.getByRole("table", { name: "AccessKey 列表" })).toContainText("仅创建时显示");
  await snap(page, testInfo, "access-keys");
});

test("apps: create, AppKey/AppSecret once, open a capability", async ({ page }, testInfo) => {
  await page.goto("/apps");
  await page.getByRole("button", { name: "新增应用" }).first().click();
  const form = page.getByRole("dialog", { name: "新增应用" });
  await form.getByLabel("应用名称").fill(APP_NAME);
  await form.getByLabel("应用概述").fill("端到端测试创建的应用");
  await form.getByRole("button", { name: "确定" }).click();

  const created = page.getByRole("dialog", { name: "应用创建成功" });
  await expect(created.getByTestId("secret-AppKey")).toHaveText(/^[0-9a-f]{32}$/);
  await expect(created.getByTestId("secret-AppSecret")).toHaveText(/^[0-9a-f]{32}$/);
  await expect(created.getByRole("button", { name: /复制 AppSecret/ })).toBeVisible();
  await snap(page, testInfo, "app-created");
  await created.getByRole("button", { name: "知道了" }).click();

  await expect(page.getByRole("table", { name: "应用列表" })).toContainText(APP_NAME);
  await snap(page, testInfo, "apps");
  await page.getByRole("link", { name: `开通：${APP_NAME}` }).click();
  await expect(page.getByRole("heading", { name: APP_NAME })).toBeVisible();
  await expect(page.getByText("尚未开通任何能力")).toBeVisible();

  await page.getByRole("button", { name: "去开通" }).click();
  const openDialog = page.getByRole("dialog", { name: "开通能力" });
  await openDialog.getByRole("radio", { name: /通用型OCR/ }).check();
  await openDialog.getByRole("button", { name: "确认开通" }).click();
  await expect(page.getByText("能力已开通：通用型OCR")).toBeVisible();
  await expect(page.getByRole("table", { name: "已开通能力" })).toContainText("通用型OCR");
  await expect(page.getByRole("table", { name: "已开通能力" })).toContainText("能力已开通");

  // AppSecret needs the password again.
  await page.getByRole("button", { name: "查看" }).click();
  const verify = page.getByRole("dialog", { name: "身份验证" });
  await verify.getByRole("textbox", { name: "登录密码" }).fill("wrong-password");
  await verify.getByRole("button", { name: "验证并查看" }).click();
  await expect(verify.getByText("登录密码不正确")).toBeVisible();
  await verify.getByRole("button", { name: "取消" }).click();
  await snap(page, testInfo, "app-detail");
});

test("packs: claim the trial once, buy a pack with the test provider, labelled as such", async ({ page }, testInfo) => {
  await page.goto("/packs");
  await expect(page.getByTestId("test-payment-label")).toContainText("测试支付（不会真实扣款）");
  await expect(page.getByTestId("remaining-general")).toHaveText("0");
  await page.getByRole("button", { name: "领取通用型OCR免费额度" }).click();
  await expect(page.getByTestId("remaining-general")).toHaveText("10,000");
  await expect(page.getByRole("button", { name: "通用型OCR免费额度已领取" })).toBeDisabled();

  await page.getByRole("button", { name: "购买身份证识别资源包" }).click();
  const buy = page.getByRole("dialog", { name: /购买资源包/ });
  await buy.getByText("10万次/年").click();
  await expect(buy).toContainText("¥1,350.00");
  await expect(buy.getByTestId("test-payment-label")).toHaveText("测试支付（不会真实扣款）");
  await buy.getByRole("button", { name: "立即支付" }).click();
  await expect(page).toHaveURL(/\/pay\/test\//);
  await expect(page.getByTestId("test-payment-label")).toHaveText("测试支付（不会真实扣款）");
  await snap(page, testInfo, "test-payment");
  await page.getByRole("button", { name: "确认支付" }).click();
  await expect(page).toHaveURL(/\/packs$/);
  await expect(page.getByTestId("remaining-idcard")).toHaveText("100,000");
  await expect(page.getByRole("table", { name: "订单列表" })).toContainText("已支付");
  await expect(page.getByRole("table", { name: "我的资源包" })).toContainText("购买");
  await snap(page, testInfo, "packs");
});

test("playground: upload an image, see boxes and text, then find the call in monitoring", async ({ page }, testInfo) => {
  // Previews are blob: images drawn on a canvas: the CSP must allow them.
  const violations = watchCspViolations(page);
  await page.goto("/playground/general");
  await page.getByLabel("调用应用").selectOption({ label: APP_NAME });
  const png = await renderTextImage(page, ["印刷文字识别测试", "富强民主文明和谐"]);
  await page.getByLabel("上传图片").setInputFiles({ name: "sample.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "开始识别" }).click();
  await expect(page.getByText(/正在上传并识别/)).toBeVisible();

  // The 文本 view (reading order) opens first; the lines with their boxes are one tab away.
  await expect(page.getByTestId("reading-text")).toContainText(/文字|识别|民主/, { timeout: 90_000 });
  await page.getByRole("tab", { name: /文字行/ }).click();
  const lines = page.getByTestId("ocr-line");
  await expect(lines.first()).toBeVisible();
  await expect(page.getByRole("list", { name: "识别结果列表" })).toContainText(/文字|识别|民主/);
  const boxes = await countStageShapes(page, "ocr-stage", "ocr-box");
  expect(boxes).toBeGreaterThan(0);
  expect(boxes).toBe(await lines.count());

  // Hovering a box highlights its line.
  await page.getByTestId("ocr-stage").scrollIntoViewIfNeeded();
  const center = await shapeCenter(page, "ocr-stage", "ocr-box");
  expect(center).not.toBeNull();
  await page.mouse.move(center!.x, center!.y);
  await expect(lines.first()).toHaveClass(/bg-primary-soft/);

  await page.getByRole("tab", { name: "原始 JSON" }).click();
  await expect(page.getByText('"statusCode": 0')).toBeVisible();
  await snap(page, testInfo, "playground-general");
  expect(violations).toEqual([]);

  const requestId = (await page.getByText(/请求 ID：/).textContent())!.replace(/.*请求 ID：/, "").trim();
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

  await page.goto("/monitoring");
  const log = page.getByRole("table", { name: "调用日志" });
  await expect(log).toContainText(requestId);
  await expect(log.getByRole("row", { name: new RegExp(requestId) })).toContainText("通用型OCR");
  await expect(page.getByTestId("stat-请求次数")).not.toHaveText("0");
  await snap(page, testInfo, "monitoring");

  await page.getByRole("radio", { name: "近 7 天" }).click();
  await page.getByLabel("调用状态").selectOption("failure");
  // A filter that matches nothing says so (not the "no calls yet" state).
  await expect(page.getByText("没有符合条件的记录")).toBeVisible();
});

test("overview shows the opened capability and the call", async ({ page }, testInfo) => {
  await page.goto("/overview");
  await expect(page.getByRole("list", { name: "能力调用排行榜" })).toContainText("通用型OCR");
  await snap(page, testInfo, "overview");
});
