import { expect, test } from "@playwright/test";

import { CONSOLE_STATE, snap, watchCspViolations } from "./helpers";

test.use({ storageState: CONSOLE_STATE });

// One screenshot per console page (kept under e2e/artifacts/ and in the report); each page must
// render under the Content-Security-Policy without a single violation.
const PAGES = [
  { path: "/overview", heading: "总览", name: "page-overview" },
  { path: "/capabilities", heading: "能力列表", name: "page-capabilities" },
  { path: "/capabilities/general/docs", heading: /通用型OCR API/, name: "page-docs-general" },
  { path: "/capabilities/license/docs", heading: /营业执照识别 API/, name: "page-docs-license" },
  { path: "/apps", heading: "我的应用", name: "page-apps" },
  { path: "/monitoring", heading: "应用监控", name: "page-monitoring" },
  { path: "/packs", heading: "资源包", name: "page-packs" },
  { path: "/access-keys", heading: "用户 AccessKey", name: "page-access-keys" },
  { path: "/playground/general", heading: /通用型OCR · 在线体验/, name: "page-playground-general" },
  { path: "/playground/idcard", heading: /身份证识别 · 在线体验/, name: "page-playground-idcard" },
  { path: "/playground/plate", heading: /车牌识别 · 在线体验/, name: "page-playground-plate" },
  { path: "/playground/license", heading: /营业执照识别 · 在线体验/, name: "page-playground-license" },
];

for (const p of PAGES) {
  test(`page ${p.path}`, async ({ page }, testInfo) => {
    const violations = watchCspViolations(page);
    await page.goto(p.path);
    await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "控制台导航" })).toBeVisible();
    await snap(page, testInfo, p.name);
    expect(violations).toEqual([]);
  });
}
