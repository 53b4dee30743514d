import { expect, test } from "@playwright/test";

import { admin } from "../fixtures/admin";
import { CONSOLE_STATE, uniqueEmail } from "./helpers";

test.use({ storageState: CONSOLE_STATE });

test("another user's app, its usage and a made-up order answer 404", async ({ page, playwright, baseURL }) => {
  const email = uniqueEmail("other");
  admin("create-user", "--email", email, "--password", "Other-Pass-2024");
  const other = admin<{ appId: string }>("create-app", "--email", email, "--name", "别人的应用", "--capabilities", "general");

  const res = await page.goto(`/apps/${other.appId}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "资源不存在" })).toBeVisible();
  await expect(page.getByText("别人的应用")).toHaveCount(0);

  await page.goto("/apps");
  await expect(page.getByText("别人的应用")).toHaveCount(0);

  const usage = await page.request.get(`/api/console/usage?appId=${other.appId}`);
  expect(usage.status()).toBe(404);
  const logs = await page.request.get(`/api/console/call-logs?appId=${other.appId}`);
  expect(logs.status()).toBe(404);

  const order = await page.goto("/pay/test/not-an-order");
  expect(order?.status()).toBe(404);

  // Without a session the JSON endpoints answer 401.
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  expect((await anonymous.get("/api/console/usage")).status()).toBe(401);
  await anonymous.dispose();
});
