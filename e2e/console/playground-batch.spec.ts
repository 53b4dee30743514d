import fs from "node:fs";

import { expect, test, type Locator, type Page } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";

import { admin } from "../fixtures/admin";
import { renderTextPng, solidPng } from "../fixtures/images";
import { readConsoleUser, CONSOLE_STATE, snap } from "./helpers";

// The playground for real work (issue 12, ux.md bugs 5–9, 16, 18) and PDF in / exports (issue 11).

test.use({ storageState: CONSOLE_STATE });
test.describe.configure({ mode: "serial" });

const APP = `批量-${Date.now() % 100000}`;

test.beforeAll(() => {
  const { email } = readConsoleUser();
  admin("create-access-key", "--email", email);
  // QPS 50: the batch sends its pictures back to back.
  admin("create-app", "--email", email, "--name", APP, "--capabilities", "general", "--qps", "50");
  admin("grant-pack", "--email", email, "--capability", "general", "--calls", "1000");
});

async function open(page: Page) {
  await page.goto("/playground/general");
  await page.getByLabel("调用应用").selectOption({ label: APP });
}

const remaining = async (page: Page) => Number((await page.getByTestId("quota-remaining").innerText()).replace(/\D/g, ""));

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

async function paste(page: Page, png: Buffer) {
  await page.evaluate((b64) => {
    const data = new DataTransfer();
    data.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], "image.png", { type: "image/png" }));
    document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
  }, png.toString("base64"));
}

test("50 pictures by paste and two picks, appended; progress per picture; batch exports; quota and recent results after a run", async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  await open(page);
  const before = await remaining(page);
  const png = (i: number) => ({
    name: `p${String(i).padStart(2, "0")}.png`,
    mimeType: "image/png",
    buffer: renderTextPng([`第${i}张 文字识别`], 420, 30),
  });
  const items = page.getByTestId("batch-item");

  await paste(page, renderTextPng(["粘贴的截图"], 420, 30));
  await expect(items).toHaveCount(1);
  // A second pick appends (ux.md bug 6).
  await page.getByLabel("上传图片").setInputFiles([1, 2, 3].map(png));
  await expect(items).toHaveCount(4);
  // Past 50, what was left out is named (ux.md bug 5).
  await page.getByLabel("上传图片").setInputFiles(Array.from({ length: 48 }, (_, i) => png(i + 4)));
  await expect(items).toHaveCount(50);
  await expect(page.getByText("一次最多 50 张图片，「p50.png」、「p51.png」 2 张未添加")).toBeVisible();

  await page.getByRole("button", { name: "开始识别" }).click();
  await expect(page.getByRole("status").filter({ hasText: /正在上传并识别第 \d+ \/ 50 张/ })).toBeVisible();
  await expect(page.locator("[data-testid=batch-item][data-status=done]")).toHaveCount(50, { timeout: 240_000 });
  // The quota header follows the run (ux.md bug 8).
  await expect.poll(() => remaining(page)).toBe(before - 50);

  // Each picture has its own request id (ux.md bug 9).
  await page.getByRole("button", { name: /查看第 3 张：p02\.png/ }).click();
  await expect(page.getByText(/^请求 ID：[0-9a-f-]{36}$/)).toBeVisible();

  // Batch exports hold the whole batch (ux.md bug 7).
  const txt = await download(page, page.getByRole("button", { name: "下载 TXT" }));
  expect(txt.name).toBe("通用型OCR-识别结果-50张.txt");
  const text = txt.bytes.toString("utf8");
  for (let i = 1; i <= 49; i++) expect(text).toContain(`===== p${String(i).padStart(2, "0")}.png =====`);
  expect(text).toMatch(/第2张/);
  const json = JSON.parse((await download(page, page.getByRole("button", { name: "下载 JSON" }))).bytes.toString("utf8"));
  expect(json.results).toHaveLength(50);
  await snap(page, testInfo, "playground-batch-50");

  // Recent results are on the server: a reload shows the last 20, and one can be deleted.
  await page.reload();
  const recent = page.getByRole("list", { name: "最近识别" }).getByRole("listitem");
  await expect(recent).toHaveCount(20);
  await expect(recent.first()).toContainText("p49.png");
  await page.getByRole("button", { name: "删除最近识别：p49.png" }).click();
  await expect(recent).toHaveCount(19);
  await page.getByRole("button", { name: "打开最近识别：p48.png" }).click();
  await expect(page.getByTestId("reading-text")).toContainText("第48张");
});

test("the wheel scrolls the page over the preview; Ctrl + wheel zooms (ux.md bug 16)", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 700 });
  await open(page);
  await page.getByRole("button", { name: "通知公告" }).click();
  const stage = page.getByTestId("ocr-stage");
  await expect(stage).toBeVisible();
  await stage.scrollIntoViewIfNeeded();
  const zoom = page.getByText(/Ctrl \+ 滚轮缩放 · 拖动平移 · \d+%/);
  await expect(zoom).toContainText("100%");
  const box = (await stage.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
  const y0 = await page.evaluate(() => window.scrollY);
  await page.mouse.wheel(0, 300);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(y0);
  await expect(zoom).toContainText("100%");

  const after = (await stage.boundingBox())!;
  await page.mouse.move(after.x + after.width / 2, after.y + after.height / 3);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -200);
  await page.keyboard.up("Control");
  await expect(zoom).not.toContainText(" 100%");
});

test("a picture with nothing found says so and that it was charged (ux.md bug 18)", async ({ page }) => {
  await open(page);
  await page.getByLabel("上传图片").setInputFiles({ name: "blank.png", mimeType: "image/png", buffer: await solidPng(320, 200) });
  await page.getByRole("button", { name: "开始识别" }).click();
  await expect(page.getByTestId("empty-result")).toHaveText("未识别到文字。调用成功，已按 1 次计费（计入资源包用量）", { timeout: 60_000 });
  await expect(page.getByText("未识别到内容")).toBeVisible();
  await expect(page.getByText(/识别成功 · 0 个框/)).toHaveCount(0);
});

/** Page 1 carries a text layer; pages 2 and 3 are pictures of Chinese text (a scan). */
async function samplePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle("测试文档");
  const helvetica = await pdf.embedFont(StandardFonts.Helvetica);
  const first = pdf.addPage([420, 300]);
  first.drawText("Quarterly report, page one", { x: 30, y: 240, size: 20, font: helvetica });
  for (const lines of [
    ["第二页 扫描件", "富强民主文明和谐"],
    ["第三页 表格之后", "自由平等公正法治"],
  ]) {
    const image = await pdf.embedPng(renderTextPng(lines, 700, 36));
    const p = pdf.addPage([420, 300]);
    p.drawImage(image, { x: 10, y: 150, width: 400, height: (400 * image.height) / image.width });
  }
  return Buffer.from(await pdf.save());
}

test("a PDF goes in page by page and every export comes out (issue 11)", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await open(page);
  const input = page.getByLabel("上传图片");

  await input.setInputFiles({ name: "坏文件.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\nnot a pdf") });
  await expect(page.getByText("「坏文件.pdf」：无法解析该 PDF，文件可能已损坏")).toBeVisible();

  await input.setInputFiles({ name: "季度报告.pdf", mimeType: "application/pdf", buffer: await samplePdf() });
  const options = page.getByTestId("pdf-options");
  await expect(options).toContainText("共 3 页，其中 1 页自带文字层");
  await page.getByLabel("页码范围").fill("1-4");
  await page.getByRole("button", { name: "开始识别" }).click();
  await expect(page.getByText("页码范围「1-4」无效：请填写 1–3 之间的页码，如 1-3,5")).toBeVisible();
  await page.getByLabel("页码范围").fill("1-3");
  await page.getByLabel("分辨率").selectOption("100");
  await page.getByRole("button", { name: "开始识别" }).click();
  await expect(page.locator("[data-testid=batch-item][data-status=done]")).toHaveCount(3, { timeout: 120_000 });

  // Page 1 was read from its text layer (no call); page 2 through the API.
  await page.getByRole("button", { name: /查看第 1 张：季度报告\.pdf · 第 1 页/ }).click();
  await expect(page.getByText("PDF 文字层 · 未调用接口")).toBeVisible();
  await expect(page.getByTestId("reading-text")).toContainText("Quarterly report, page one");
  await page.getByRole("button", { name: /查看第 2 张：季度报告\.pdf · 第 2 页/ }).click();
  await expect(page.getByTestId("reading-text")).toContainText(/民主|文明|和谐/);
  await snap(page, testInfo, "playground-pdf");

  const expected: [string, string, (b: Buffer) => void][] = [
    ["下载 TXT", "季度报告-识别结果.txt", (b) => expect(b.toString("utf8")).toContain("===== 季度报告.pdf · 第 3 页 =====")],
    ["下载 Markdown", "季度报告-识别结果.md", (b) => expect(b.toString("utf8")).toContain("# 季度报告-识别结果")],
    ["下载 JSON", "季度报告-识别结果.json", (b) => expect(JSON.parse(b.toString("utf8")).results).toHaveLength(3)],
    ["下载 Word", "季度报告-识别结果.docx", (b) => expect(b.subarray(0, 2).toString()).toBe("PK")],
    ["下载 Excel", "季度报告-识别结果.xlsx", (b) => expect(b.subarray(0, 2).toString()).toBe("PK")],
    [
      "下载 可搜索 PDF",
      "季度报告-识别结果.pdf",
      (b) => {
        expect(b.subarray(0, 5).toString()).toBe("%PDF-");
        expect(b.byteLength).toBeGreaterThan(10_000);
      },
    ],
  ];
  for (const [button, name, check] of expected) {
    const file = await download(page, page.getByRole("button", { name: button }));
    expect(file.name).toBe(name);
    check(file.bytes);
  }
});
