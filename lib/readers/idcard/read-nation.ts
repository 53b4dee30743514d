// 民族 against its closed list: when the page pass misread the value (a rare character such
// as 畲 read as 鑫) or missed it, the value is read again and each group's name is scored on
// the recogniser's posterior. A group is taken only when the model itself gave its
// characters real support.
import { quadSize, warpQuad } from "@/lib/ocr/geometry";
import { decodeWithTemplate, type CtcPosterior } from "@/lib/ocr/rec/constrained-decode";
import type { Quad, RecognizeCropsOptions, RecResult, RgbImage } from "@/lib/ocr/types";

import { NATIONS } from "./nations";

/** Least posterior (0–1) every character of the chosen name must have somewhere. */
const MIN_SUPPORT = 0.02;
/** Recogniser input height (px). */
const CROP_HEIGHT = 48;

export interface NationOcr {
  recognizeCrops(crops: RgbImage[], opts?: RecognizeCropsOptions): Promise<RecResult[]>;
  dictionary(): string[];
}

export function bestNation(posterior: CtcPosterior, dictionary: readonly string[], prefix: string): string {
  let best: { name: string; logProb: number; support: number } | null = null;
  for (const name of NATIONS) {
    const decode = decodeWithTemplate(posterior, dictionary, [...prefix, ...name]);
    if (!decode || (best && decode.logProb <= best.logProb)) continue;
    best = { name, logProb: decode.logProb, support: Math.min(...decode.charProbs.slice([...prefix].length)) };
  }
  return best && best.support >= MIN_SUPPORT ? best.name : "";
}

export async function rereadNation(image: RgbImage, read: { quad: Quad; prefix: string }, ocr: NationOcr): Promise<string> {
  const { width, height } = quadSize(read.quad);
  const crop = warpQuad(image, read.quad, (CROP_HEIGHT * width) / Math.max(height, 1), CROP_HEIGHT);
  const [result] = await ocr.recognizeCrops([crop], { withProbs: true, skipCls: true });
  return result?.probs ? bestNation(result.probs, ocr.dictionary(), read.prefix) : "";
}
