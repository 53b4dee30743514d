import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";

import { admin } from "../fixtures/admin";
import { CONSOLE_STATE, readConsoleUser, snap, watchCspViolations } from "./helpers";

// Every console page at 1440 px and at 390 px (a phone): a screenshot of each (kept under
// e2e/artifacts/ and in the report), no Content-Security-Policy violation, no serious or critical
// axe violation (WCAG 2.1 A/AA), and on the phone no sideways overflow and the sidebar folded into
// the header's 菜单 button.

// A busy CI machine: logins hash passwords (scrypt), samples start runtimes, axe walks each page twice.
test.describe.configure({ timeout: 240_000 });

const PAGES = [
  { path: "/overview", heading: "总览", name: "page-overview" },
  { path: "/capabilities", heading: "能力列表", name: "page-capabilities" },
  { path: "/capabilities/general/docs", heading: /通用型OCR API/, name: "page-docs-general" },
  { path: "/capabilities/license/docs", heading: /营业执照识别 API/, name: "page-docs-license" },
  { path: "/capabilities/signature", heading: "在线签名调试", name: "page-signature-debugger" },
  { path: "/apps", heading: "我的应用", name: "page-apps" },
  { path: "/apps/:appId", heading: "布局测试应用", name: "page-app-detail" },
  { path: "/monitoring", heading: "应用监控", name: "page-monitoring" },
  { path: "/packs", heading: "资源包", name: "page-packs" },
  { path: "/access-keys", heading: "用户 AccessKey", name: "page-access-keys" },
  { path: "/account", heading: "账号安全", name: "page-account" },
  { path: "/playground/general", heading: /通用型OCR · 在线体验/, name: "page-playground-general" },
  { path: "/playground/idcard", heading: /身份证识别 · 在线体验/, name: "page-playground-idcard" },
  { path: "/playground/plate", heading: /车牌识别 · 在线体验/, name: "page-playground-plate" },
  { path: "/playground/license", heading: /营业执照识别 · 在线体验/, name: "page-playground-license" },
];
const SIGNED_OUT_PAGES = [
  { path: "/login", heading: "登录控制台", name: "page-login" },
  { path: "/register", heading: "注册账号", name: "page-register" },
];
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Serious and critical WCAG 2.1 A/AA violations, one line each (rule, impact, first elements). */
async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

/** How far the page reaches past the viewport's right edge (0 = no sideways scrolling). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function checkPage(page: Page, testInfo: TestInfo, p: { path: string; heading: string | RegExp; name: string }, signedIn: boolean) {
  const violations = watchCspViolations(page);
  for (const [label, size] of [
    ["1440", DESKTOP],
    ["390", PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await page.goto(p.path);
    await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
    await page.waitForLoadState("networkidle");
    if (signedIn && label === "1440") await expect(page.getByRole("navigation", { name: "控制台导航" })).toBeVisible();
    if (signedIn && label === "390") {
      await expect(page.getByRole("navigation", { name: "控制台导航" })).toBeHidden();
      await expect(page.getByRole("button", { name: "菜单" })).toBeVisible();
    }
    await snap(page, testInfo, `${p.name}-${label}`);
    expect(await sidewaysOverflow(page), `${p.path} at ${label} px scrolls sideways`).toBeLessThanOrEqual(0);
    expect(await axeViolations(page), `${p.path} at ${label} px`).toEqual([]);
  }
  expect(violations).toEqual([]);
}

test.describe("signed in", () => {
  test.use({ storageState: CONSOLE_STATE });
  let appId = "";
  test.beforeAll(() => {
    appId = admin<{ appId: string }>(
      "create-app",
      "--email",
      readConsoleUser().email,
      "--name",
      "布局测试应用",
      "--capabilities",
      "general",
    ).appId;
  });

  for (const p of PAGES) {
    test(`page ${p.path}`, async ({ page }, testInfo) => {
      await checkPage(page, testInfo, { ...p, path: p.path.replace(":appId", appId) }, true);
    });
  }

  test("on a phone the 菜单 button opens the navigation, which closes on Escape and after navigating", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto("/overview");
    const nav = page.getByRole("navigation", { name: "控制台导航" });
    const menu = page.getByRole("button", { name: "菜单" });
    await menu.click();
    await expect(nav).toBeVisible();
    await expect(page.getByRole("button", { name: "关闭菜单" })).toHaveAttribute("aria-expanded", "true");
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await menu.click();
    await nav.getByRole("link", { name: "资源包" }).click();
    await expect(page).toHaveURL(/\/packs/);
    await expect(nav).toBeHidden();
  });

  test("the keyboard reaches the main content and every navigation link", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto("/overview");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "跳到主要内容" })).toBeFocused();
    const links = await page.getByRole("navigation", { name: "控制台导航" }).getByRole("link").count();
    const reached = new Set<string>();
    for (let i = 0; i < links + 10 && reached.size < links; i++) {
      await page.keyboard.press("Tab");
      const inNav = await page.evaluate(() => document.activeElement?.closest("nav[aria-label='控制台导航']") !== null);
      if (inNav) reached.add((await page.evaluate(() => document.activeElement?.getAttribute("href"))) ?? "");
    }
    expect(reached.size).toBe(links);
  });
});

test.describe("signed out", () => {
  for (const p of SIGNED_OUT_PAGES) {
    test(`page ${p.path}`, async ({ page }, testInfo) => {
      await checkPage(page, testInfo, p, false);
    });
  }

  test("no favicon 404: /favicon.ico is served", async ({ request }) => {
    const res = await request.get("/favicon.ico");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/image/);
  });
});
