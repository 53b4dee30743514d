import { expect, test } from "@playwright/test";

import { GIF_1PX, oversizedPng } from "../fixtures/images";
import { CONSOLE_STATE, snap } from "./helpers";

test.use({ storageState: CONSOLE_STATE });

test("playground rejects images over 2 MB and unsupported formats", async ({ page }, testInfo) => {
  await page.goto("/playground/general");
  const input = page.getByLabel("上传图片");
  await input.setInputFiles({ name: "big.png", mimeType: "image/png", buffer: oversizedPng() });
  await expect(page.getByRole("alert").filter({ hasText: "超过 2 MB" })).toContainText("「big.png」超过 2 MB");
  await expect(page.getByRole("button", { name: "开始识别" })).toHaveCount(0);

  await input.setInputFiles({ name: "anim.gif", mimeType: "image/gif", buffer: GIF_1PX });
  await expect(page.getByRole("alert").filter({ hasText: "格式不支持" })).toContainText("仅支持 jpg、png、bmp 格式");
  await snap(page, testInfo, "playground-limits");
});
