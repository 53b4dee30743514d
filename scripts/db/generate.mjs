// Generates the Prisma client for the provider of DATABASE_URL, only when the schema or the
// provider changed since the last generation (a stamp file holds the hash).
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { schemaForUrl } from "./schema-engine.mjs";
import { defaultDatabaseUrl } from "./migrate.mjs";
import { childEnv } from "../../lib/env/child-env.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const outDir = path.join(root, "lib/generated/prisma");
const stampFile = path.join(outDir, ".stamp");

export function generateClient(url = defaultDatabaseUrl()) {
  const schemaText = schemaForUrl(fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8"), url);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "node_modules/prisma/package.json"), "utf8"));
  const hash = createHash("sha256").update(schemaText).update(pkg.version).digest("hex");
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === hash) return { generated: false };

  // The derived schema sits one level deeper, so its generator output path gains a "../".
  const variantDir = path.join(root, "prisma/.variant");
  fs.mkdirSync(variantDir, { recursive: true });
  const variantPath = path.join(variantDir, "schema.prisma");
  fs.writeFileSync(variantPath, schemaText.replace('output   = "../lib/generated/prisma"', 'output   = "../../lib/generated/prisma"'));

  // `prisma generate` never runs the schema engine, but insists that its binary path exists.
  const fakeEngine = path.join(os.tmpdir(), "prisma-schema-engine-placeholder");
  if (!fs.existsSync(fakeEngine)) fs.writeFileSync(fakeEngine, "");
  execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate", "--schema", variantPath], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: childEnv({ PRISMA_SCHEMA_ENGINE_BINARY: fakeEngine, PRISMA_HIDE_UPDATE_MESSAGE: "1" }),
  });
  fs.writeFileSync(stampFile, hash);
  return { generated: true };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(JSON.stringify(generateClient()));
}
