import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { parseEopAuthorization, verifyEopSignature } from "@/lib/gateway/eop-signature";

import { codeSamples, IMAGE_PLACEHOLDER, SECRET_ENV, type CodeSample } from "@/lib/contract/code-samples";

// Each sample is run as its user would (bash/python3/node/java on a file) against a local stub that
// checks the signature with the gateway's own verifier and the body byte for byte. e2e/console/
// api-docs.spec.ts runs the samples the docs page shows against the real server.

const execFileAsync = promisify(execFile);
const ACCESS_KEY = "3f1c2a4b5d6e7f8091a2b3c4d5e6f708";
const SECRET_KEY = "9a8b7c6d5e4f30211203f4e5d6c7b8a9";
const APP_KEY = "562b89493b1a40e1b97ea05e50dd8170";
const IMAGE = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from("not really a jpeg, but bytes ~ ok?")]);
const TEMPLATES = ['{"data": ["/9j/4AAQSkZJRg..."]}', '{"Action": "BusinessCardOCR", "ImageData": "/9j/4AAQSkZJRg..."}'];
const RUN: Record<CodeSample["language"], (file: string) => [string, string[]]> = {
  curl: (file) => ["bash", [file, "image.jpg"]],
  python: (file) => ["python3", [file, "image.jpg"]],
  node: (file) => [process.execPath, [file, "image.jpg"]],
  // C1 only: the JVM compiles the source file on every run; this halves that on a busy machine.
  java: (file) => ["java", ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", file, "image.jpg"]],
};

let server: http.Server;
let url: string;
const received: { ok: boolean; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const authorization = parseEopAuthorization(String(req.headers["eop-authorization"] ?? ""));
      const ok =
        authorization !== null &&
        req.method === "POST" &&
        req.headers.appkey === APP_KEY &&
        verifyEopSignature({
          authorization,
          secretKey: SECRET_KEY,
          header: (name) => (typeof req.headers[name] === "string" ? (req.headers[name] as string) : null),
          rawQuery: "",
          body,
        });
      received.push({ ok, body: body.toString("utf8") });
      res.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
      // Chinese in the answer: a sample must print it as UTF-8 whatever the locale (none is set below).
      res.end(JSON.stringify(ok ? { statusCode: 0, message: "识别成功" } : { statusCode: 10020, message: "签名错误" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/aiop/api/2f3p1pnxpqm8/ocrdetect/ocr/v1/image.json`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function runSample(sample: CodeSample, secretKey: string | undefined) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eop-sample-"));
  fs.writeFileSync(path.join(dir, sample.file), sample.code);
  fs.writeFileSync(path.join(dir, "image.jpg"), IMAGE);
  const [command, args] = RUN[sample.language](sample.file);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? dir,
    NODE_ENV: "test",
    ...(secretKey ? { [SECRET_ENV]: secretKey } : {}),
  };
  try {
    const { stdout } = await execFileAsync(command, args, { cwd: dir, env, timeout: 60_000 });
    return { code: 0, stdout, stderr: "" };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(TEMPLATES)("samples for body %s", (bodyTemplate) => {
  const samples = () => codeSamples({ url, accessKey: ACCESS_KEY, appKey: APP_KEY, bodyTemplate });

  test.each(["curl", "python", "node", "java"] as const)(
    "%s: signed as the gateway verifies, body as templated",
    async (language) => {
      const sample = samples().find((s) => s.language === language)!;
      expect(sample.code).not.toContain(SECRET_KEY);
      expect(sample.code).toContain(ACCESS_KEY);
      expect(sample.code).toContain(APP_KEY);

      received.length = 0;
      const ok = await runSample(sample, SECRET_KEY);
      expect(ok.stdout).toContain('"statusCode":0,"message":"识别成功"');
      expect(ok.code).toBe(0);
      expect(received).toEqual([{ ok: true, body: bodyTemplate.replace(IMAGE_PLACEHOLDER, IMAGE.toString("base64")) }]);

      // A wrong SecretKey is refused by the verifier; the sample prints the error body and fails.
      const wrong = await runSample(sample, SECRET_KEY.replace(/^./, "0"));
      expect(wrong.stdout).toContain("10020");
      expect(wrong.code).not.toBe(0);

      // No SecretKey in the environment: a clear message, nothing sent.
      received.length = 0;
      const missing = await runSample(sample, undefined);
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain(SECRET_ENV);
      expect(received).toEqual([]);
    },
    180_000,
  );
});

test("a body template without the image placeholder is a programming error", () => {
  expect(() => codeSamples({ url: "http://x", accessKey: "a", appKey: "b", bodyTemplate: '{"data": []}' })).toThrow(/placeholder/);
});
