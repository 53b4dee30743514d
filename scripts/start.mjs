#!/usr/bin/env node
// `npm start`: everything a fresh clone needs, then the server (console + API) on PORT (default 3000).
// Steps: install deps if needed → Prisma client → OCR worker bundle → migrations → production
// build if stale → demo account on an empty database → scripts/server.mjs (Next behind a thin HTTP server).
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

import { ensureDatabase, ensureDependencies, ensureNextBuild, ensureOcrWorker, ensurePrismaClient, root } from "./lib/prepare.mjs";
import { childExitStatus } from "./server/exit-status.mjs";
import { childEnv } from "../lib/env/child-env.mjs";

ensureDependencies();
// After the install: the shared validation needs zod. A bad variable stops here, naming it.
const { loadEnv } = await import("../lib/env/schema.mjs");
const env = loadEnv();
await ensurePrismaClient();
ensureOcrWorker();
ensureDatabase();
ensureNextBuild();

const admin = (command) => {
  const out = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/admin.ts"), command], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const json = JSON.parse(out.stdout.toString() || "{}");
  if (out.status !== 0) throw new Error(`admin ${command} failed: ${JSON.stringify(json)}`);
  return json;
};

const port = env.PORT;
if (admin("bootstrap").created) {
  const c = admin("demo-credentials");
  console.log(
    [
      "",
      "  首次启动：已创建演示账号 (demo account created on an empty database)",
      `  控制台登录 Console:  http://localhost:${port}/login   ${c.email} / ${c.password}`,
      `  AccessKey:  ${c.accessKey}`,
      `  SecretKey:  ${c.secretKey}`,
      `  AppKey:     ${c.appKey}   (四项能力已开通，试用资源包已领取)`,
      "  Again later: npm run --silent admin -- demo-credentials",
      "",
    ].join("\n"),
  );
}

const server = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
  cwd: root,
  stdio: "inherit",
  env: childEnv({ NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }),
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
// Non-zero whenever the server ends abnormally (killed by a signal, e.g. OOM): restart-on-failure works.
server.on("exit", (code, signal) => process.exit(childExitStatus(code, signal)));
