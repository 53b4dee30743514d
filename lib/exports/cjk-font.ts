import "server-only";

import fs from "node:fs/promises";

import { env } from "@/lib/env";
import { extractTtcFace, findTtcFace } from "./ttc-face";

// The font the searchable PDF's text layer is written in, read once from EXPORT_CJK_FONT. Only
// the glyphs a document uses are embedded (pdf-lib subsets), so the file's size does not matter.

export class MissingFontError extends Error {}

let cached: Promise<Uint8Array> | null = null;

async function load(file: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(file));
  } catch {
    throw new MissingFontError(`EXPORT_CJK_FONT: cannot read ${file}`);
  }
  if (String.fromCharCode(...bytes.subarray(0, 4)) !== "ttcf") return bytes;
  const face = findTtcFace(bytes, /(sc|SC|GB)[-_]?(Regular)?$/);
  return extractTtcFace(bytes, Math.max(0, face));
}

export function cjkFont(): Promise<Uint8Array> {
  cached ??= load(env.EXPORT_CJK_FONT).catch((err) => {
    cached = null;
    throw err;
  });
  return cached;
}
