// Our own plate recogniser: a small CRNN/CTC trained by scripts/plates (npm run train:plates) on
// synthetic plates of every kind and province plus real crops; models/plates holds the ONNX file
// and its card (charset, input size, calibration, metrics).
import fs from "node:fs";
import path from "node:path";

import { createOnnxRunner } from "@/lib/ocr/onnx-runner";
import type { RgbImage } from "@/lib/ocr/types";

import { plateConfidence } from "./confidence";
import { decodePlateCtc } from "./decode-plate";
import { defaultPlateModelDir, readPlateModelCard } from "./model-card";
import { plateTensor } from "./plate-tensor";

export interface PlateTextReading {
  text: string;
  /** One probability per character of `text`. */
  charProbs: number[];
  /** Calibrated probability that `text` is the whole plate, exactly (0 when nothing was read). */
  confidence: number;
}

export interface PlateRecognizer {
  /**
   * Reads one rectified single-row plate of any size; a double-row plate as its top row and
   * bottom row resized to one height and placed side by side (top row left).
   */
  read(plate: RgbImage): Promise<PlateTextReading>;
}

/** Loads the committed recogniser; null when its model file is absent. */
export async function loadPlateRecognizer(
  intraOpThreads: number,
  modelDir: string = defaultPlateModelDir(),
): Promise<PlateRecognizer | null> {
  const card = readPlateModelCard(modelDir);
  const modelPath = card && path.join(modelDir, card.model);
  if (!card || !modelPath || !fs.existsSync(modelPath)) return null;
  const runner = await createOnnxRunner(modelPath, intraOpThreads);
  const { width, height } = card.input;
  return {
    async read(plate) {
      const output = await runner.run(plateTensor(plate, width, height), [1, 3, height, width]);
      const [, steps, classes] = output.dims as [number, number, number];
      const { text, charProbs } = decodePlateCtc(output.data, steps, classes, card.charset);
      return { text, charProbs, confidence: plateConfidence(charProbs, card.confidence) };
    },
  };
}
