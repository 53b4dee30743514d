// Finds and reads every plate in a photo. The plate detector finds plates with their corners
// (single or double row); colour/shape regions and plate-coloured text boxes are proposed too,
// and a picture that is itself a plate is read whole. Each candidate is cropped, rectified,
// upscaled to the recogniser's height and decoded under the plate grammar. A detected plate is
// always reported, with a confidence that says how likely its reading is right.
import { orderQuad, quadSize, warpQuad } from "@/lib/ocr/geometry";
import type { Quad, RecognizeCropsOptions, RecResult, RgbImage } from "@/lib/ocr/types";
import type { ConstrainedDecode, CtcPosterior } from "@/lib/ocr/rec/constrained-decode";

import { findPlateCandidates, type PlateCandidate } from "./candidates";
import { plateColor } from "./color";
import { decodePlate, plateConfidence } from "./ctc-grammar";
import { dedupeReadings, samePlate } from "./dedupe";
import type { PlateDetection } from "./detector/decode-detections";
import { expandQuad } from "./expand-quad";
import { ALL_TYPE_TEMPLATES, isValidPlate, PLATE_TEMPLATES, type PlateColor, PROVINCES, type PlateTemplate } from "./grammar";
import { dropEdgeInk, inkMask } from "./ink-mask";
import { withJoinedNeighbours } from "./joined-boxes";
import { plateOutline } from "./outline";
import { kindMarkPositions, type PlateBackground, plateBackground, plateType, type PlateType, seedPlateType } from "./plate-kind";
import { doubleRowView, quadAspect, rowView } from "./plate-views";
import { combineProvinces, PROVINCE_CONFIG, provinceLogProbs, provinceQuad } from "./province";
import { charQuad, peakProb, Q_TAIL_CONFIG, tailAsymmetry } from "./q-tail";
import type { PlateRecognizer } from "./recognizer/plate-recognizer";

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

/** The engine calls plate reading needs (the OCR worker's sessions satisfy it). */
export interface PlateOcr {
  detect(image: RgbImage): Promise<Quad[]>;
  recognizeCrops(crops: RgbImage[], opts?: RecognizeCropsOptions): Promise<RecResult[]>;
  dictionary(): string[];
  /** The plate detector's plates in the picture (detector/plate-detector.ts). */
  detectPlates(image: RgbImage): Promise<PlateDetection[]>;
  /** The recogniser trained on plates; null while its model is absent (the general recogniser reads them). */
  plateRecognizer: PlateRecognizer | null;
}

export interface PlateReadOptions {
  /** Every kind with its own type (double-row, white, black, yellow-green); else the seed's three single-row kinds. */
  allTypes: boolean;
}

export interface PlateReading {
  box: Quad;
  plateType: PlateType;
  text: string;
  confidence: number;
  /** One posterior per character of `text`. */
  charProbs: number[];
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
  /**
   * Margins around the detector's corners (share of width, share of height per side): its
   * corners hug the plate's edge, and a crop that reaches past it reads the end glyphs better.
   */
  cornerMargins: [
    [0.03, 0.1],
    [0.08, 0.2],
    [0, 0],
  ] as const,
  /** Width / height a whole-picture plate is read at when the picture is squarer (440 × 140 mm). */
  plateAspect: 440 / 140,
  /**
   * Colour regions and plate-coloured text boxes are read only when the detector finds no plate:
   * they cost a text detection and dozens of crops, and beside the detector's plates they added
   * no plate on the samples (`npm run eval`, docs/decisions/plates.md).
   */
  proposalsOnlyWithoutDetections: true,
  /** Least detector score (objectness × class) of a plate reported however poorly it reads. */
  minTrustedScore: 0.5,
  /** Least posterior of each 警/WJ/港/澳/使/领 that makes a white or black detection a plate. */
  minKindMark: 0.5,
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
  decode: Pick<ConstrainedDecode, "text" | "charProbs" | "frames">;
  /**
   * The single-row crop the general recogniser's decode came from, and its width in recogniser
   * pixels (null for a double-row view or the plate recogniser: frames do not map onto a quad).
   */
  crop: Quad | null;
  cropWidth: number;
  /** Province log-probabilities from every crop of the candidate that read as a plate. */
  opinions: Map<string, number>[];
  /** The general recogniser's posterior for that crop. */
  posterior: CtcPosterior | null;
  /** The reading looks like a plate (its free text agrees, province and characters likely enough): a proposal needs it. */
  plausible: boolean;
}

/**
 * Turns a 0 the recogniser gave some doubt towards Q into Q when the glyph has Q's tail
 * (see q-tail.ts); the character's confidence stays the recogniser's for the 0/Q pair.
 */
function restoreQs(image: RgbImage, found: Found[], dictionary: readonly string[]): void {
  const q = dictionary.indexOf("Q");
  for (const f of found) {
    const { crop, posterior } = f;
    if (!crop || !posterior) continue;
    const chars = [...f.decode.text];
    chars.forEach((ch, k) => {
      if (ch !== "0" || peakProb(posterior, q, f.decode.frames[k]!) < Q_TAIL_CONFIG.minQ) return;
      const quad = charQuad(crop, f.decode.frames, k, f.cropWidth);
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
  // Armed-police (WJ…) and embassy (使…) plates start with no province.
  const glyphs = found.map((f) =>
    f.crop && PROVINCES.includes([...f.decode.text][0]!) ? provinceQuad(f.crop, f.decode.frames, f.cropWidth) : null,
  );
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
  /** The colour of the region or text box that proposed it; null: measured on the plate. */
  color: PlateColor | null;
  rows: 1 | 2;
  /** The plate detector's score, null for a proposal: a confident detection is reported however poorly it reads. */
  detectorScore: number | null;
  /** Width / height the crops are read at when the picture squashed the plate (a square crop of one). */
  aspect?: number;
}

/** Plates the detector found, read through their corners. */
function detectedCandidates(detections: readonly PlateDetection[]): Candidate[] {
  return detections.map((d) => ({
    quad: d.corners,
    crops: PLATE_READ_CONFIG.cornerMargins.map(([dx, dy]) => expandQuad(d.corners, dx, dy)),
    color: null,
    rows: d.rows,
    detectorScore: d.score,
  }));
}

/** Colour regions and plate-coloured text boxes (see PLATE_READ_CONFIG.proposalsOnlyWithoutDetections). */
async function proposedCandidates(image: RgbImage, ocr: PlateOcr, colourRegions: readonly PlateCandidate[]): Promise<Candidate[]> {
  const cfg = PLATE_READ_CONFIG;
  const candidates: Candidate[] = colourRegions.map((c) => ({
    quad: c.quad,
    crops: cfg.colorMargins.map(([dx, dy]) => expandQuad(c.quad, dx, dy)),
    color: c.color,
    rows: 1,
    detectorScore: null,
  }));
  for (const quad of withJoinedNeighbours(await ocr.detect(image))) {
    const aspect = quadAspect(quad);
    if (aspect < cfg.textAspect[0] || aspect > cfg.textAspect[1]) continue;
    // The plate's colour is measured inside the text box: a margin may reach the car body.
    const color = plateColor(rowView(image, quad, cfg.colorSampleHeight, 1));
    // Text boxes without a plate colour are signs, stickers or paper.
    if (!color) continue;
    const crops = cfg.textMargins.map(([dx, dy]) => expandQuad(quad, dx, dy));
    candidates.push({ quad: expandQuad(quad, ...cfg.textOutline), crops, color, rows: 1, detectorScore: null });
  }
  return candidates;
}

/**
 * A picture that is itself a plate (a tight crop, perhaps squashed square or upscaled): the
 * whole picture, read at a plate's aspect, when plate colour dominates it.
 */
function wholePictureCandidate(image: RgbImage): Candidate | null {
  const quad: Quad = [
    [0, 0],
    [image.width, 0],
    [image.width, image.height],
    [0, image.height],
  ];
  const aspect = quadAspect(quad);
  if (aspect > PLATE_READ_CONFIG.textAspect[1]) return null;
  const color = plateColor(rowView(image, quad, PLATE_READ_CONFIG.colorSampleHeight, 1));
  if (!color) return null;
  return { quad, crops: [quad], color, rows: 1, detectorScore: null, aspect: Math.max(aspect, PLATE_READ_CONFIG.plateAspect) };
}

/** The recogniser's views of a candidate: each crop at each width. */
function candidateViews(image: RgbImage, c: Candidate): { quad: Quad; view: RgbImage }[] {
  const { cropHeight, widthStretches } = PLATE_READ_CONFIG;
  return c.crops.flatMap((quad) =>
    widthStretches.map((stretch) => ({
      quad,
      view: c.rows === 2 ? doubleRowView(image, quad, cropHeight, stretch) : rowView(image, quad, cropHeight, stretch, c.aspect),
    })),
  );
}

/** Each candidate's best reading by the general recogniser under the plate grammar; proposals that do not read as plates are dropped. */
async function readWithGeneralRecognizer(
  image: RgbImage,
  ocr: PlateOcr,
  candidates: readonly Candidate[],
  templates: readonly PlateTemplate[],
): Promise<Found[]> {
  const cfg = PLATE_READ_CONFIG;
  const views = candidates.map((c) => candidateViews(image, c));
  const results = await ocr.recognizeCrops(
    views.flat().map((v) => v.view),
    { withProbs: true, skipCls: true },
  );
  const dictionary = ocr.dictionary();
  const found: Found[] = [];
  let next = 0;
  candidates.forEach((candidate, ci) => {
    // A detected plate keeps its best reading even when no crop's free text agrees with it.
    let best: (Found & { agrees: boolean }) | null = null;
    const detected = candidate.detectorScore !== null;
    const opinions: Map<string, number>[] = [];
    for (const { quad, view } of views[ci]!) {
      const result = results[next++];
      const decode = result?.probs ? decodePlate(result.probs, dictionary, templates) : null;
      if (!decode) continue;
      const agrees = lengthAgrees(result!.text, decode.text);
      if (!agrees && !detected) continue;
      // The province's peak frame and its neighbours: a widened glyph spans a few frames.
      if (agrees) opinions.push(provinceLogProbs(result!.probs!, dictionary, [decode.frames[0]! - 1, decode.frames[0]! + 1]));
      const better =
        !best || (agrees && !best.agrees) || (agrees === best.agrees && plateConfidence(decode) > plateConfidence(best.decode));
      if (better) {
        const crop = candidate.rows === 1 ? quad : null;
        best = { candidate, decode, crop, cropWidth: view.width, opinions, posterior: result!.probs!, agrees, plausible: agrees };
      }
    }
    if (!best) return;
    // Whether this is a plate is judged mostly without the province, the character the
    // recogniser is least sure of on plates; the reported confidence includes it.
    best.plausible &&=
      best.decode.charProbs[0]! >= cfg.minProvince && plateConfidence({ charProbs: best.decode.charProbs.slice(1) }) >= cfg.minConfidence;
    if (best.plausible || detected) found.push(best);
  });
  await rereadProvinces(image, ocr, found);
  restoreQs(image, found, dictionary);
  return found;
}

/** Detected plates read by the plate recogniser, one rectified view each. */
async function readWithPlateRecognizer(image: RgbImage, recognizer: PlateRecognizer, candidates: readonly Candidate[]): Promise<Found[]> {
  const { cropHeight, cornerMargins } = PLATE_READ_CONFIG;
  const [dx, dy] = cornerMargins[0];
  return Promise.all(
    candidates.map(async (candidate): Promise<Found> => {
      const quad = expandQuad(candidate.quad, dx, dy);
      const view = candidate.rows === 2 ? doubleRowView(image, quad, cropHeight, 1) : rowView(image, quad, cropHeight, 1, candidate.aspect);
      const { text, charProbs } = await recognizer.read(view);
      const plausible = plateConfidence({ charProbs }) >= PLATE_READ_CONFIG.minConfidence;
      return {
        candidate,
        decode: { text, charProbs, frames: [] },
        crop: null,
        cropWidth: view.width,
        opinions: [],
        posterior: null,
        plausible,
      };
    }),
  );
}

/**
 * A detection reported whatever its reading: confident, and a plate by its paint or its
 * characters. The detector also fires, less surely, on boxed text of documents (11 of the 55
 * sample pictures of other kinds, scores 0.30–0.79), which is white or unknown paint.
 */
function trusted(candidate: Candidate, background: PlateBackground | null, { text, charProbs }: Found["decode"]): boolean {
  const { minTrustedScore, minKindMark } = PLATE_READ_CONFIG;
  if (candidate.detectorScore === null || candidate.detectorScore < minTrustedScore) return false;
  if (background === "blue" || background === "yellow" || background === "green") return true;
  // The grammar forces a 港 or 警 out of anything: the mark must be read, not guessed.
  const marks = kindMarkPositions(text);
  return marks.length > 0 && marks.every((i) => charProbs[i]! >= minKindMark);
}

export async function readPlates(image: RgbImage, ocr: PlateOcr, { allTypes }: PlateReadOptions): Promise<PlateReading[]> {
  const cfg = PLATE_READ_CONFIG;
  const detections = await ocr.detectPlates(image);
  const propose = detections.length === 0 || !cfg.proposalsOnlyWithoutDetections;
  const colourRegions = propose ? findPlateCandidates(image) : [];
  const detected = detectedCandidates(detections);
  // A proposal on a detected plate is that plate, which the detector outlines better (and knows its rows).
  const proposed = (propose ? await proposedCandidates(image, ocr, colourRegions) : []).filter(
    (p) => !detected.some((d) => samePlate(d.quad, p.quad)),
  );
  const whole = detected.length === 0 ? wholePictureCandidate(image) : null;
  const general = [...(ocr.plateRecognizer ? [] : detected), ...proposed, ...(whole ? [whole] : [])];
  const templates = allTypes ? ALL_TYPE_TEMPLATES : PLATE_TEMPLATES;
  const found = [
    ...(ocr.plateRecognizer ? await readWithPlateRecognizer(image, ocr.plateRecognizer, detected) : []),
    ...(await readWithGeneralRecognizer(image, ocr, general, templates)),
  ];

  const readings = found.flatMap(({ candidate, decode, plausible }): PlateReading[] => {
    const background = candidate.color ?? plateBackground(rowView(image, candidate.quad, cfg.colorSampleHeight, 1, candidate.aspect));
    if (!plausible && !trusted(candidate, background, decode)) return [];
    const kind = plateType(decode.text, background);
    const type = allTypes ? kind : seedPlateType(kind, candidate.rows);
    if (!type) return [];
    const charProbs = decode.charProbs;
    return [{ box: orderQuad(candidate.quad), plateType: type, text: decode.text, confidence: plateConfidence({ charProbs }), charProbs }];
  });
  const outlines = [...detections.map((d) => ({ quad: d.corners })), ...colourRegions];
  return dedupeReadings(readings).map((r) => ({ ...r, box: plateOutline(r.box, outlines) }));
}
