import fs from "node:fs";

import { expect, test } from "@playwright/test";

import { callApi, createApiAccount, grantPack, PATHS } from "../fixtures/api-client";
import { b64, solidPng } from "../fixtures/images";
import { snap } from "./helpers";

// Issue 12 / ux.md bugs 10–15: every call can be debugged from the call log, and the monitoring
// page tells the truth. One account of its own, signed calls through the API, then the page at 1280 px.

test.use({ viewport: { width: 1280, height: 800 }, storageState: { cookies: [], origins: [] } });

test("failed calls are in the log with why; filters live in the URL; CSV export; charts and footer fit", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(10 * 60_000); // the operator CLI that makes the account takes a while on a busy machine
  const account = createApiAccount({ capabilities: ["general"] });
  grantPack(account.email, "general", 100);
  const image = b64(await solidPng(64, 40));
  const client = { "x-forwarded-for": "203.0.113.77" };

  // 22 successes first, so that the two failures are on the newest page and the log has a second page.
  const ok = await Promise.all(Array.from({ length: 22 }, () => callApi(request, account, PATHS.general, { data: [image] })));
  expect(ok.map((r) => r.status)).toEqual(Array(22).fill(200));
  // Bug 11: a wrong SecretKey (401) used to leave no trace. 17 MB of body makes the traffic axis reach MB (bug 14).
  const badSignatureId = `badsig-${Date.now()}`;
  const bigBody = JSON.stringify({ data: ["A".repeat(17 * 1024 * 1024)] });
  const badSignature = await callApi(request, { ...account, secretKey: "wrong-secret" }, PATHS.general, bigBody, {
    requestId: badSignatureId,
    headers: client,
  });
  expect(badSignature.json).toMatchObject({ statusCode: 10020, details: expect.stringContaining("signature mismatch") });
  // Bug 10: HTTP 200 / statusCode 0 with every image failed.
  const allFailedId = `allfailed-${Date.now()}`;
  const allFailed = await callApi(request, account, PATHS.general, { data: ["this is not base64!!!"] }, { requestId: allFailedId });
  expect(allFailed.json).toMatchObject({ statusCode: 0, message: { success: 0, fail: 1 } });

  await page.goto("/login");
  await page.getByLabel("邮箱").fill(account.email);
  await page.getByLabel("密码").fill("e2e-password-1");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/overview/);

  await page.goto("/monitoring");
  const log = page.getByRole("table", { name: "调用日志" });
  await expect(log.getByText(badSignatureId)).toBeVisible();
  await expect(log.getByRole("row").filter({ hasText: badSignatureId })).toContainText("401 · 10020");

  // Bug 13: at 1280 px the footer is one line and its select keeps its width.
  const footer = page.getByTestId("call-log-pagination");
  await expect(footer).toContainText("共 24 条");
  expect((await footer.boundingBox())!.height).toBeLessThan(60);
  expect((await footer.getByLabel("每页条数").boundingBox())!.width).toBeLessThan(120);
  for (const text of ["共 24 条", "第 1 页"]) expect((await footer.getByText(text).boundingBox())!.height).toBeLessThan(24);

  // Bug 14: no y-axis label wraps (a wrapped label has two lines and the top one is cut).
  const traffic = page.getByRole("img", { name: "请求流量图表" });
  // Recharts 3 draws tick values in a layer of their own: take the byte values (the x ticks are times).
  const tickValues = traffic.locator("text.recharts-cartesian-axis-tick-value");
  await expect(tickValues.filter({ hasText: /MB$/ }).first()).toBeVisible();
  const ticks = (
    await tickValues.evaluateAll((els) => els.map((el) => ({ text: el.textContent ?? "", lines: el.querySelectorAll("tspan").length })))
  ).filter((t) => /B$/.test(t.text));
  for (const tick of ticks) expect(tick.lines, tick.text).toBeLessThanOrEqual(1);
  await snap(page, testInfo, "monitoring-1280");

  // The detail view of the failed signature: time, client IP, HTTP status and code, message and details.
  await log.getByRole("button", { name: badSignatureId }).click();
  const detail = page.getByTestId("call-detail");
  await expect(detail).toContainText("203.0.113.77");
  await expect(detail).toContainText("401 · 10020");
  await expect(detail).toContainText("签名错误");
  await expect(page.getByTestId("call-detail-details")).toContainText("signature mismatch");
  await snap(page, testInfo, "monitoring-call-detail");
  await page.keyboard.press("Escape");

  // Bug 10: the all-failed batch is a failure; the filter is in the URL and survives a reload.
  await page.getByLabel("调用状态").selectOption("failure");
  await expect(page).toHaveURL(/status=failure/);
  await expect(log.getByText(allFailedId)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("调用状态")).toHaveValue("failure");
  await expect(log.getByText(allFailedId)).toBeVisible();
  await expect(log.getByRole("row")).toHaveCount(3); // header + the two failures

  // CSV export of the filtered log.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 CSV" }).click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines).toHaveLength(3);
  expect(lines[0]).toContain("请求ID");
  expect(csv).toContain(badSignatureId);
  expect(csv).toContain("signature mismatch");

  // Bug 12: a filter that matches nothing says so (not "no calls yet").
  await page.getByLabel("请求 ID").fill("no-such-request-id");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/requestId=no-such-request-id/);
  await expect(page.getByText("没有符合条件的记录")).toBeVisible();
  await expect(page.getByText("暂无调用记录")).toHaveCount(0);
  await page.getByRole("button", { name: "清除筛选" }).click();
  await expect(log.getByText(badSignatureId)).toBeVisible();

  // Bug 15: over 7 days only today has calls: one point per latency line, no line through the idle days.
  await page.getByRole("radio", { name: "近 7 天" }).click();
  await expect(page).toHaveURL(/range=7d/);
  const latency = page.getByRole("img", { name: "响应时间图表" });
  await expect(latency.locator("circle.recharts-dot")).toHaveCount(2);
});
