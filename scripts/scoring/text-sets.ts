/**
 * The labelled general-OCR pictures the bench and the eval score: pages rendered by
 * scripts/fixtures ("rendered", and "printed": spaces, punctuation, small text, wide gaps),
 * then ../shared/samples ("synthetic" general pages, "real" text pictures), read in place.
 */
import fs from "node:fs";
import path from "node:path";

import type { Point, Quad } from "@/lib/ocr/types";
import { DEFAULT_FIXTURE_DIR, writeTextFixtures } from "@/scripts/fixtures/render-text";

import type { GtLine } from "./score-page";

/** Shared labelled samples (samples/README.md); read in place, never copied into the repo. */
export const SAMPLES = path.resolve(import.meta.dirname, "..", "..", "..", "shared", "samples");

export const TEXT_SETS = ["rendered", "printed", "synthetic", "real"] as const;
export type TextSet = (typeof TEXT_SETS)[number];

export interface TextImage {
  set: TextSet;
  file: string;
  gt: GtLine[];
}

type BoxedLines = { lines: { text: string; box: number[] }[] };

function toQuad(flat: readonly number[]): Quad {
  const p = (i: number): Point => [flat[2 * i]!, flat[2 * i + 1]!];
  return [p(0), p(1), p(2), p(3)];
}

const boxed = (v: BoxedLines): GtLine[] => v.lines.map((l) => ({ text: l.text, box: toQuad(l.box) }));

/** Every labelled picture; `quick` keeps the first 12 synthetic pages. */
export async function collectTextImages(quick = false): Promise<TextImage[]> {
  const images: TextImage[] = [];
  const rendered = await writeTextFixtures(DEFAULT_FIXTURE_DIR);
  const renderedGt = JSON.parse(fs.readFileSync(path.join(rendered, "gt.json"), "utf8"));
  for (const [file, v] of Object.entries<BoxedLines & { set: "rendered" | "printed" }>(renderedGt.images)) {
    images.push({ set: v.set, file: path.join(rendered, file), gt: boxed(v) });
  }

  if (!fs.existsSync(SAMPLES)) return images;
  const generalDir = path.join(SAMPLES, "synthetic", "general");
  if (fs.existsSync(path.join(generalDir, "gt.json"))) {
    const gt = JSON.parse(fs.readFileSync(path.join(generalDir, "gt.json"), "utf8"));
    const entries = Object.entries<BoxedLines>(gt.images).sort(([a], [b]) => a.localeCompare(b));
    for (const [file, v] of quick ? entries.slice(0, 12) : entries) {
      images.push({ set: "synthetic", file: path.join(generalDir, file), gt: boxed(v) });
    }
  }
  const labelsFile = path.join(SAMPLES, "real", "labels.json");
  if (fs.existsSync(labelsFile)) {
    const labels = JSON.parse(fs.readFileSync(labelsFile, "utf8"));
    type RealLine = { text: string; uncertain?: boolean };
    for (const [file, v] of Object.entries<{ kind: string; exclude?: boolean; lines?: RealLine[] }>(labels.images)) {
      if (!file.startsWith("text_") || v.exclude) continue;
      images.push({
        set: "real",
        file: path.join(SAMPLES, "real", file),
        gt: (v.lines ?? []).map((l) => ({ text: l.text, dontCare: l.uncertain === true })),
      });
    }
  }
  return images;
}
