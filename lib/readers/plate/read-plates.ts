// Finds and reads every plate in a photo. Text detection alone misses small plates, so
// colour/shape candidates are added; each candidate is cropped, rectified, upscaled to the
// recogniser's height and decoded under the plate grammar.
import { orderQuad, quadSize, warpQuad } from "@/lib/ocr/geometry";
import type { Quad, RecognizeCropsOptions, RecResult, RgbImage } from "@/lib/ocr/types";
import type { ConstrainedDecode, CtcPosterior } from "@/lib/ocr/rec/constrained-decode";

import { findPlateCandidates } from "./candidates";
import { plateColor } from "./color";
import { decodePlate, plateConfidence } from "./ctc-grammar";
import { dedupeReadings } from "./dedupe";
import { expandQuad } from "./expand-quad";
import { isValidPlate, PLATE_TEMPLATES, PLATE_TYPE_NAMES, type PlateColor } from "./grammar";
import { dropEdgeInk, inkMask } from "./ink-mask";
import { withJoinedNeighbours } from "./joined-boxes";
import { plateOutline } from "./outline";
import { combineProvinces, PROVINCE_CONFIG, provinceLogProbs, provinceQuad } from "./province";
import { charQuad, peakProb, Q_TAIL_CONFIG, tailAsymmetry } from "./q-tail";

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
   * Crops are also widened by these factors (each crop is read at each): at natural width a
   * plate gets about two CTC frames per character, too few for Q vs 0 or J vs 1 and for the
   * province's radicals. Two factors, because each fixes plates the other misreads.
   */
  widthStretches: [2, 2.5] as const,
  /**
   * Margins tried around colour regions / text boxes (share of width, share of height per
   * side): the colour mask can stop short of the province character or the plate border.
   */
  colorMargins: [
    [0.04, 0.12],
    [0.1, 0.2],
    [0.18, 0.25],
  ] as const,
  // The tight one makes the glyphs larger in the recogniser's 48 px (J vs 1 on small plates).
  textMargins: [
    [0.06, 0.3],
    [0.12, 0.4],
    [0.06, 0.12],
  ] as const,
  /**
   * A text box widened by this (share of width, of height, per side) is about its plate's
   * outline: the glyphs fill 90 % × 65 % of a plate, but the detector's boxes of small plates
   * are already loose (`npm run eval` reports the box IoU).
   */
  textOutline: [0.03, 0.15] as const,
  /** Height (px) of the sample a text box's colour is measured on. */
  colorSampleHeight: 16,
  /** Text boxes with width/height in this range may be plates. */
  textAspect: [1.8, 9] as const,
  /** Readings whose characters after the province are less likely than this are dropped. */
  minConfidence: 0.25,
  /** Least posterior of the province: English words forced into the grammar have none. */
  minProvince: 0.02,
} as const;

interface Found {
  candidate: Candidate;
  decode: ConstrainedDecode;
  /** The crop the decode came from, and its width in recogniser pixels. */
  crop: Quad;
  cropWidth: number;
  /** Province log-probabilities from every crop of the candidate that read as a plate. */
  opinions: Map<string, number>[];
  /** The recogniser's posterior for that crop. */
  posterior: CtcPosterior;
}

/**
 * Turns a 0 the recogniser gave some doubt towards Q into Q when the glyph has Q's tail
 * (see q-tail.ts); the character's confidence stays the recogniser's for the 0/Q pair.
 */
function restoreQs(image: RgbImage, found: Found[], dictionary: readonly string[]): void {
  const q = dictionary.indexOf("Q");
  for (const f of found) {
    const chars = [...f.decode.text];
    chars.forEach((ch, k) => {
      if (ch !== "0" || peakProb(f.posterior, q, f.decode.frames[k]!) < Q_TAIL_CONFIG.minQ) return;
      const quad = charQuad(f.crop, f.decode.frames, k, f.cropWidth);
      if (!quad) return;
      const { width, height } = quadSize(quad);
      const h = Q_TAIL_CONFIG.cellHeight;
      const ink = dropEdgeInk(inkMask(warpQuad(image, quad, (h * width) / Math.max(height, 1), h), f.candidate.color !== "blue"));
      const text = chars.with(k, "Q").join("");
      if (tailAsymmetry(ink) >= Q_TAIL_CONFIG.minAsymmetry && isValidPlate(text)) f.decode = { ...f.decode, text };
    });
  }
}

/**
 * Replaces each reading's province with the one its whole-plate crops and its single-glyph
 * crops (cut where the decode placed the province) agree on best.
 */
async function rereadProvinces(image: RgbImage, ocr: PlateOcr, found: Found[]): Promise<void> {
  const glyphs = found.map((f) => provinceQuad(f.crop, f.decode.frames, f.cropWidth));
  const crops = glyphs.flatMap((quad) => {
    if (!quad) return [];
    const { width, height } = quadSize(quad);
    const h = PLATE_READ_CONFIG.cropHeight;
    return PROVINCE_CONFIG.stretches.map((s) => warpQuad(image, quad, (s * h * width) / Math.max(height, 1), h));
  });
  if (crops.length === 0) return;
  const results = await ocr.recognizeCrops(crops, { withProbs: true, skipCls: true });
  const dictionary = ocr.dictionary();
  let next = 0;
  found.forEach((f, i) => {
    if (!glyphs[i]) return;
    const glyphOpinions = results
      .slice(next, (next += PROVINCE_CONFIG.stretches.length))
      .flatMap((r) => (r.probs ? [provinceLogProbs(r.probs, dictionary)] : []));
    const best = combineProvinces([...f.opinions, ...glyphOpinions]);
    if (!best) return;
    f.decode = {
      ...f.decode,
      text: best.province + [...f.decode.text].slice(1).join(""),
      charProbs: f.decode.charProbs.with(0, best.prob),
    };
  });
}

interface Candidate {
  /** The region's outline, and the crops tried for it. */
  quad: Quad;
  crops: Quad[];
  color: PlateColor;
}

export async function readPlates(image: RgbImage, ocr: PlateOcr): Promise<PlateReading[]> {
  const cfg = PLATE_READ_CONFIG;
  const colourRegions = findPlateCandidates(image);
  const candidates: Candidate[] = colourRegions.map((c) => ({
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
    candidates.push({ quad: expandQuad(quad, ...cfg.textOutline), crops, color });
  }
  if (candidates.length === 0) return [];

  const views = candidates.map((c) => c.crops.flatMap((quad) => cfg.widthStretches.map((stretch) => ({ quad, stretch }))));
  const crops = views.flat().map(({ quad, stretch }) => {
    const { width, height } = quadSize(quad);
    return warpQuad(image, quad, (stretch * cfg.cropHeight * width) / Math.max(height, 1), cfg.cropHeight);
  });
  const results = await ocr.recognizeCrops(crops, { withProbs: true, skipCls: true });
  const dictionary = ocr.dictionary();

  const found: Found[] = [];
  let next = 0;
  candidates.forEach((candidate, ci) => {
    let best: Found | null = null;
    const opinions: Map<string, number>[] = [];
    for (let k = 0; k < views[ci]!.length; k++, next++) {
      const result = results[next];
      const decode = result?.probs ? decodePlate(result.probs, dictionary, PLATE_TEMPLATES) : null;
      if (!decode || !lengthAgrees(result!.text, decode.text)) continue;
      // The province's peak frame and its neighbours: a widened glyph spans a few frames.
      opinions.push(provinceLogProbs(result!.probs!, dictionary, [decode.frames[0]! - 1, decode.frames[0]! + 1]));
      if (!best || plateConfidence(decode) > plateConfidence(best.decode)) {
        best = { candidate, decode, crop: views[ci]![k]!.quad, cropWidth: crops[next]!.width, opinions, posterior: result!.probs! };
      }
    }
    // Whether this is a plate is judged mostly without the province, the character the
    // recogniser is least sure of on plates; the reported confidence includes it.
    if (!best || best.decode.charProbs[0]! < cfg.minProvince) return;
    if (plateConfidence({ charProbs: best.decode.charProbs.slice(1) }) < cfg.minConfidence) return;
    found.push(best);
  });
  await rereadProvinces(image, ocr, found);
  restoreQs(image, found, dictionary);

  const readings = found.map(
    ({ candidate, decode }): PlateReading => ({
      box: orderQuad(candidate.quad),
      // 8 characters only exist on new-energy plates, whose large-vehicle kind is
      // yellow-green and would otherwise pass for yellow.
      plateType: PLATE_TYPE_NAMES[[...decode.text].length === 8 ? "green" : candidate.color],
      text: decode.text,
      confidence: plateConfidence(decode),
    }),
  );
  return dedupeReadings(readings).map((r) => ({ ...r, box: plateOutline(r.box, colourRegions) }));
}
