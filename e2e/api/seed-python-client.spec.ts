import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { renderTextPng } from "../fixtures/images";
import { expect, PATHS, readDemoAuth, test } from "../fixtures/api-client";

// The seed's own Python example client (e2e/clients/seed_client.py) must authenticate unchanged:
// it signs appkey;ctyun-eop-request-id;eop-date over json.dumps(params) with time.localtime().

const run = promisify(execFile);

for (const tz of ["Asia/Shanghai", "UTC"]) {
  test(`the seed's Python client gets 200 and the text (local time ${tz})`, async () => {
    const auth = readDemoAuth();
    const image = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "seed-client-")), "test.png");
    fs.writeFileSync(image, renderTextPng(["天翼云文字识别"]));
    const url = new URL(PATHS.general, auth.baseURL);
    const { stdout } = await run("python3", [path.resolve("e2e/clients/seed_client.py"), url.href, image], {
      env: { ...process.env, TZ: tz, CTYUN_AK: auth.accessKey, CTYUN_SK: auth.secretKey, AI_APP_KEY: auth.appKey, EOP_HOST: url.host },
    });
    const lines = stdout.trim().split("\n");
    const statusLine = lines.findIndex((l) => /^\d{3}$/.test(l.trim()));
    expect(lines[statusLine]).toBe("200");
    const body = lines.slice(statusLine + 1).join("\n");
    expect(body).toContain("'statusCode': 0");
    expect(body).toContain("'text': '天翼云文字识别'");
  });
}
