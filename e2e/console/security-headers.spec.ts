import { expect, test } from "@playwright/test";

import { watchCspViolations } from "./helpers";

const EXPECTED = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};
const CSP_DIRECTIVES = ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"];

for (const path of ["/", "/login", "/register", "/overview", "/api/health"]) {
  test(`security headers on ${path}`, async ({ request }) => {
    const res = await request.get(path, { maxRedirects: 0 });
    const headers = res.headers();
    expect(headers).toMatchObject(EXPECTED);
    const csp = headers["content-security-policy"] ?? "";
    for (const directive of CSP_DIRECTIVES) expect(csp).toContain(directive);
    // Production builds never need eval.
    expect(csp).not.toContain("unsafe-eval");
  });
}

test("login and registration render under the CSP without violations", async ({ page }) => {
  const violations = watchCspViolations(page);
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "登录控制台" })).toBeVisible();
  await page.getByRole("link", { name: "立即注册" }).click();
  await expect(page.getByRole("heading", { name: "注册账号" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("the console cannot be framed by another page", async ({ page, baseURL }) => {
  await page.setContent(`<iframe id="console" src="${baseURL}/login"></iframe>`);
  // Chromium refuses the frame (frame-ancestors 'none') and shows its error page there instead.
  const framedUrl = () =>
    page
      .frames()
      .find((f) => f !== page.mainFrame())
      ?.url() ?? "";
  await expect.poll(framedUrl).toMatch(/^chrome-error:/);
});

test("the violation check does see a violation (so a clean page means something)", async ({ page }) => {
  const violations = watchCspViolations(page);
  await page.goto("/login");
  // A foreign image: img-src allows only this origin, data: and blob:. The CSP blocks it before any request.
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.src = "http://192.0.2.1/pixel.png";
    document.body.append(img);
  });
  await expect.poll(() => violations.some((v) => v.includes("img-src"))).toBe(true);
});
