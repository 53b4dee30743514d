// Finds and reads every plate in a photo. Text detection alone misses small plates, so
// colour/shape candidates are added; each candidate is cropped, rectified, upscaled to the
// recogniser's height and decoded under the plate grammar.
import { orderQuad, quadSize, warpQuad } from "../geometry";
import type { Quad, RecognizeCropsOptions, RecResult, RgbImage } from "../types";
import { findPlateCandidates } from "./candidates";
import { plateColor } from "./color";
import { decodePlate, plateConfidence, type ConstrainedDecode } from "./ctc-grammar";
import { dedupeReadings } from "./dedupe";
import { expandQuad } from "./expand-quad";
import { PLATE_TEMPLATES, PLATE_TYPE_NAMES, type PlateColor } from "./grammar";
import { withJoinedNeighbours } from "./joined-boxes";

/** Separators and marks a recogniser reads on plates besides the characters. */
const PLATE_MARKS = /[\s·•.:：\-_]/g;

/**
 * The grammar can force a plate out of any text; a sign's phone number or a shop name,
 * read freely, is much longer or shorter than the plate it was forced into.
 */
function lengthAgrees(freeText: string, plate: string): boolean {
  const free = [...freeText.replace(PLATE_MARKS, "")].length;
  const length = [...plate].length;
  return free >= length - 2 && free <= length + 1;
}

/** The engine calls plate reading needs (an OcrEngine satisfies it). */
export interface PlateOcr {
  detect(image: RgbImage): Promise<Quad[]>;
  recognizeCrops(crops: RgbImage[], opts?: RecognizeCropsOptions): Promise<RecResult[]>;
  dictionary(): string[];
}

export interface PlateReading {
  box: Quad;
  plateType: "蓝牌" | "黄牌" | "绿牌";
  text: string;
  confidence: number;
}

export const PLATE_READ_CONFIG = {
  /** Recogniser input height (px) crops are warped to. */
  cropHeight: 48,
  /**
   * Margins tried around colour regions / text boxes (share of width, share of height per
   * side): the colour mask can stop short of the province character or the plate border.
   */
  colorMargins: [
    [0.04, 0.12],
    [0.1, 0.2],
    [0.18, 0.25],
  ] as const,
  textMargins: [
    [0.06, 0.3],
    [0.12, 0.4],
  ] as const,
  /** Height (px) of the sample a text box's colour is measured on. */
  colorSampleHeight: 16,
  /** Text boxes with width/height in this range may be plates. */
  textAspect: [1.8, 9] as const,
  /** Readings whose characters after the province are less likely than this are dropped. */
  minConfidence: 0.25,
  /** Least posterior of the province: English words forced into the grammar have none. */
  minProvince: 0.02,
} as const;

interface Candidate {
  /** The region's outline, and the crops tried for it. */
  quad: Quad;
  crops: Quad[];
  color: PlateColor;
}

export async function readPlates(image: RgbImage, ocr: PlateOcr): Promise<PlateReading[]> {
  const cfg = PLATE_READ_CONFIG;
  const candidates: Candidate[] = findPlateCandidates(image).map((c) => ({
    quad: c.quad,
    crops: cfg.colorMargins.map(([dx, dy]) => expandQuad(c.quad, dx, dy)),
    color: c.color,
  }));
  for (const quad of withJoinedNeighbours(await ocr.detect(image))) {
    const { width, height } = quadSize(quad);
    const aspect = width / Math.max(height, 1);
    if (aspect < cfg.textAspect[0] || aspect > cfg.textAspect[1]) continue;
    // The plate's colour is measured inside the text box: a margin may reach the car body.
    const color = plateColor(warpQuad(image, quad, cfg.colorSampleHeight * aspect, cfg.colorSampleHeight));
    // Text boxes without a plate colour are signs, stickers or paper.
    if (!color) continue;
    const crops = cfg.textMargins.map(([dx, dy]) => expandQuad(quad, dx, dy));
    candidates.push({ quad: crops[0]!, crops, color });
  }
  if (candidates.length === 0) return [];

  const crops = candidates.flatMap((c) =>
    c.crops.map((quad) => {
      const { width, height } = quadSize(quad);
      return warpQuad(image, quad, (cfg.cropHeight * width) / Math.max(height, 1), cfg.cropHeight);
    }),
  );
  const results = await ocr.recognizeCrops(crops, { withProbs: true, skipCls: true });
  const dictionary = ocr.dictionary();

  const readings: PlateReading[] = [];
  let next = 0;
  for (const candidate of candidates) {
    let best: ConstrainedDecode | null = null;
    for (let k = 0; k < candidate.crops.length; k++, next++) {
      const result = results[next];
      const decode = result?.probs ? decodePlate(result.probs, dictionary, PLATE_TEMPLATES) : null;
      if (!decode || !lengthAgrees(result!.text, decode.text)) continue;
      if (!best || plateConfidence(decode) > plateConfidence(best)) best = decode;
    }
    // Whether this is a plate is judged mostly without the province, the character the
    // recogniser is least sure of on plates; the reported confidence includes it.
    if (!best || best.charProbs[0]! < cfg.minProvince) continue;
    if (plateConfidence({ charProbs: best.charProbs.slice(1) }) < cfg.minConfidence) continue;
    readings.push({
      box: orderQuad(candidate.quad),
      // 8 characters only exist on new-energy plates, whose large-vehicle kind is
      // yellow-green and would otherwise pass for yellow.
      plateType: PLATE_TYPE_NAMES[[...best.text].length === 8 ? "green" : candidate.color],
      text: best.text,
      confidence: plateConfidence(best),
    });
  }
  return dedupeReadings(readings);
}
