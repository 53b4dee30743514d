// The hyperlpr3 plate detector (models/plates/hyperlpr3, Apache-2.0; THIRD_PARTY.md) on one
// picture. Two input sizes: 320 finds plates down to about 40 px wide in ordinary photos at a
// quarter of 640's cost; large pictures get 640, where a 40 px plate would shrink below what
// 320 resolves (`npm run eval` measured both).
import path from "node:path";

import type { RgbImage, TensorRunner } from "@/lib/ocr/types";

import { decodeDetections, type PlateDetection } from "./decode-detections";
import { letterbox } from "./letterbox";

export const PLATE_MODEL_DIR = path.join(process.cwd(), "models", "plates", "hyperlpr3");

export const DETECTOR_CONFIG = {
  small: { size: 320, file: "y5fu_320x_sim.onnx" },
  large: { size: 640, file: "y5fu_640x_sim.onnx" },
  /** Pictures whose longer side is at least this (px) are detected at 640. */
  largeFromSide: 1280,
} as const;

/** Loads a model file of the plate folder (the worker's `model`, or a test's runner). */
export type LoadModel = (file: string) => Promise<TensorRunner>;

export async function detectPlates(image: RgbImage, load: LoadModel): Promise<PlateDetection[]> {
  const { size, file } =
    Math.max(image.width, image.height) >= DETECTOR_CONFIG.largeFromSide ? DETECTOR_CONFIG.large : DETECTOR_CONFIG.small;
  const runner = await load(path.join(PLATE_MODEL_DIR, file));
  const input = letterbox(image, size);
  const { data } = await runner.run(input.tensor, [1, 3, size, size]);
  return decodeDetections(data, input);
}
