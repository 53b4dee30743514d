import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { expect, test, type Page } from "@playwright/test";

import { API_AUTH_FILE, type E2eApiAuth } from "../global-setup";
import { renderTextPng } from "../fixtures/images";
import { asClient, clientIp } from "./helpers";

// The docs page's samples, copied from the page as a developer would, run as is against this
// server with the SecretKey in EOP_SECRET_KEY; and the signing debugger agrees with the server.
// Signed in as the demo account: it has an AccessKey, an app with every capability and packs.

const execFileAsync = promisify(execFile);
const GENERAL = "/v1/aiop/api/2f3p1pnxpqm8/ocrdetect/ocr/v1/image.json";
const LANGUAGES = [
  { tab: "curl", id: "curl", file: "ocr.sh", command: ["bash"] },
  { tab: "Python", id: "python", file: "ocr.py", command: ["python3"] },
  { tab: "Node.js", id: "node", file: "ocr.mjs", command: [process.execPath] },
  { tab: "Java", id: "java", file: "Ocr.java", command: ["java", "-XX:TieredStopAtLevel=1"] },
];

const demo = (): E2eApiAuth => JSON.parse(fs.readFileSync(API_AUTH_FILE, "utf8")) as E2eApiAuth;

test.describe.configure({ mode: "serial", timeout: 300_000 });

let page: Page;
test.beforeAll(async ({ browser }) => {
  const { email, password } = demo();
  page = await (await browser.newContext(asClient(clientIp()))).newPage();
  await page.goto("/login");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/overview/);
});

async function runSample(code: string, file: string, command: string[], secretKey: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "docs-sample-"));
  fs.writeFileSync(path.join(dir, file), code);
  fs.writeFileSync(path.join(dir, "test.jpg"), renderTextPng(["社会主义核心价值观"]));
  try {
    const [bin, ...args] = command;
    const { stdout } = await execFileAsync(bin!, [...args, file, "test.jpg"], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", EOP_SECRET_KEY: secretKey },
      timeout: 90_000,
    });
    return JSON.parse(stdout) as { statusCode: number; returnObj: unknown };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("every sample on the general OCR docs runs as is and reads the picture", async () => {
  const { accessKey, secretKey, appKey } = demo();
  await page.goto("/capabilities/general/docs");
  for (const lang of LANGUAGES) {
    await page.getByRole("tab", { name: lang.tab, exact: true }).click();
    const code = (await page.getByTestId(`code-sample-${lang.id}`).textContent()) ?? "";
    expect(code).toContain(accessKey);
    expect(code).toContain(appKey);
    expect(code).toContain(`http://127.0.0.1:${new URL(page.url()).port}${GENERAL}`);
    expect(code).not.toContain(secretKey);
    const answer = await runSample(code, lang.file, lang.command, secretKey);
    expect(answer.statusCode, lang.tab).toBe(0);
    expect(JSON.stringify(answer.returnObj), lang.tab).toContain("社会主义");
  }
});

test("the licence sample (its own body shape) runs as is", async () => {
  const { secretKey } = demo();
  await page.goto("/capabilities/license/docs");
  await page.getByRole("tab", { name: "Python", exact: true }).click();
  const code = (await page.getByTestId("code-sample-python").textContent()) ?? "";
  const answer = await runSample(code, "ocr.py", ["python3"], secretKey);
  expect(answer).toMatchObject({ statusCode: 0, returnObj: { license_type: "Not Business License" } });
});

test("the signing debugger agrees with the server, for a good and a bad Eop-Authorization", async () => {
  const { accessKey, secretKey, appKey } = demo();
  const body = JSON.stringify({ data: [renderTextPng(["调试签名"]).toString("base64")] });
  const headers = {
    appkey: appKey,
    "ctyun-eop-request-id": `debug-${Date.now()}`,
    "eop-date": new Date().toISOString().replace(/[-:]|\.\d{3}/g, ""),
  };
  await page.goto("/capabilities/signature");
  const form = page.getByRole("form", { name: "签名调试请求" });
  await form.getByRole("textbox", { name: /^请求头（/ }).fill(
    Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join("\n"),
  );
  await form.getByRole("textbox", { name: /^请求体（/ }).fill(body);
  await form.getByLabel("AccessKey", { exact: true }).fill(accessKey);
  await form.getByLabel("SecretKey", { exact: true }).fill(secretKey);
  await form.getByRole("button", { name: "计算签名" }).click();
  const expected = (await page.getByTestId("expected-authorization").textContent()) ?? "";
  expect(expected).toMatch(new RegExp(`^${accessKey} Headers=appkey;ctyun-eop-request-id;eop-date Signature=\\S+=$`));
  await expect(page.getByTestId("string-to-sign")).toContainText(`appkey:${appKey}`);

  // A pasted header with one character changed: the debugger says no, and so does the server
  // (sent first, so the request id is fresh and nothing but the signature can fail).
  const signature = expected.split("Signature=")[1]!;
  const bad = expected.replace(signature, `${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`);
  const send = (authorization: string) =>
    page.request.post(GENERAL, {
      headers: { ...headers, "content-type": "application/json", "eop-authorization": authorization },
      data: body,
    });
  const refused = await send(bad);
  expect(refused.status()).toBe(401);
  expect((await refused.json()).statusCode).toBe(10020);
  await form.getByRole("textbox", { name: /^你发送的 Eop-Authorization/ }).fill(bad);
  await form.getByRole("button", { name: "计算签名" }).click();
  await expect(page.getByTestId("signature-verdict")).toContainText("不一致");

  // What the debugger expects, the server accepts.
  const accepted = await send(expected);
  expect((await accepted.json()).statusCode).toBe(0);
  await form.getByRole("textbox", { name: /^你发送的 Eop-Authorization/ }).fill(expected);
  await form.getByRole("button", { name: "计算签名" }).click();
  await expect(page.getByTestId("signature-verdict")).toContainText("一致：网关将接受");
});
