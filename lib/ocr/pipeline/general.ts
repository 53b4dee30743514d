import type { DirectionClassifier } from "../cls/direction-classifier";
import { CLS_CONFIG, REC_CONFIG } from "../config";
import { rotate180 } from "../geometry/rotate-rgb";
import { sortBoxes } from "../det/sort-boxes";
import type { TextDetector } from "../det/text-detector";
import { findOrientation } from "../orientation/find-orientation";
import type { Turn } from "../orientation/turn";
import type { TextRecognizer } from "../rec/text-recognizer";
import type { Quad, RecResult, RecognizeCropsOptions, RgbImage, TextLine } from "../types";
import { cropLine } from "./crop-lines";

/** Stage contracts (public `run` only), so tests can pass fakes. */
export interface GeneralPipelineStages {
  detector: Pick<TextDetector, "run">;
  classifier: Pick<DirectionClassifier, "run">;
  recognizer: Pick<TextRecognizer, "run">;
}

/** Text boxes in reading order and their rectified crops, ready for recognition. */
export interface DetectedLines {
  quads: Quad[];
  crops: RgbImage[];
}

/** Recognised crops as text lines: empty and low-confidence readings are dropped. */
export function toTextLines(quads: readonly Quad[], results: readonly RecResult[]): TextLine[] {
  const lines: TextLine[] = [];
  results.forEach((r, i) => {
    if (r.text.trim() !== "" && r.score >= REC_CONFIG.minLineScore) lines.push({ text: r.text, box: quads[i]!, score: r.score });
  });
  return lines;
}

/** det → crop → cls → rec for one image; boxes in image pixels, lines in reading order. */
export class GeneralOcrPipeline {
  constructor(private readonly stages: GeneralPipelineStages) {}

  async detect(image: RgbImage): Promise<Quad[]> {
    const boxes = await this.stages.detector.run(image);
    return sortBoxes(boxes, (b) => b.quad).map((b) => b.quad);
  }

  /**
   * The small direction classifier is confidently wrong on some low-contrast crops, so a crop
   * it flags is recognised both ways and the more confident reading wins.
   */
  async recognizeCrops(crops: readonly RgbImage[], options: RecognizeCropsOptions = {}): Promise<RecResult[]> {
    const recOptions = { ...REC_CONFIG, withProbs: options.withProbs };
    const upsideDown = options.skipCls ? [] : await this.stages.classifier.run(crops);
    const flippedIndex = crops.map((_, i) => i).filter((i) => (upsideDown[i] ?? 0) > CLS_CONFIG.flipThreshold);
    const results = await this.stages.recognizer.run([...crops, ...flippedIndex.map((i) => rotate180(crops[i]!))], recOptions);
    const chosen = results.slice(0, crops.length);
    flippedIndex.forEach((cropIndex, k) => {
      const flipped = results[crops.length + k]!;
      if (flipped.score >= chosen[cropIndex]!.score) chosen[cropIndex] = flipped;
    });
    return chosen;
  }

  /**
   * The clockwise quarter turn that stands the picture upright (0 when unsure). `quads`: its
   * text lines if already detected, else they are found on a downscaled copy.
   */
  orientation(image: RgbImage, quads?: readonly Quad[]): Promise<Turn> {
    return findOrientation(image, this.stages, quads);
  }

  async detectAndCrop(image: RgbImage): Promise<DetectedLines> {
    const quads = await this.detect(image);
    return { quads, crops: quads.map((q) => cropLine(image, q)) };
  }

  async recognize(image: RgbImage): Promise<TextLine[]> {
    const { quads, crops } = await this.detectAndCrop(image);
    return toTextLines(quads, await this.recognizeCrops(crops));
  }
}
