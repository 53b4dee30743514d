/**
 * Bundles the OCR worker thread (lib/readers/worker-entry.ts: the engine's worker loop + reader tasks) into a standalone ES module,
 * because Next.js bundles server code and a worker needs a real file path.
 * Usage: node scripts/build-ocr-worker.mjs   (also importable: buildOcrWorker())
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const OCR_WORKER_BUNDLE = path.join(root, ".ocr-worker", "ocr-worker.mjs");

export async function buildOcrWorker() {
  await build({
    entryPoints: [path.join(root, "lib/readers/worker-entry.ts")],
    outfile: OCR_WORKER_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Native addons resolve from node_modules at run time.
    external: ["onnxruntime-node", "sharp"],
    logLevel: "warning",
  });
  return OCR_WORKER_BUNDLE;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildOcrWorker();
  console.log(`OCR worker bundled to ${path.relative(process.cwd(), out)}`);
}
