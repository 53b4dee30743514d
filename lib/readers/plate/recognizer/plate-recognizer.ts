// Placeholder of the plate recogniser's interface (branch `platerec` owns this file and
// replaces it at merge): no model yet, so plates are read by the general recogniser.
import type { RgbImage } from "@/lib/ocr/types";

export interface PlateTextReading {
  text: string;
  charProbs: number[];
  confidence: number;
}

export interface PlateRecognizer {
  read(plate: RgbImage): Promise<PlateTextReading>;
}

export async function loadPlateRecognizer(_intraOpThreads: number): Promise<PlateRecognizer | null> {
  return null;
}
