import "server-only";

import { mapRead } from "@/lib/capabilities/file-read";
import type { DecodeOptions } from "@/lib/images/decode";
import { getOcrEngine } from "@/lib/ocr/engine";
import type { FileRead } from "@/lib/ocr/types";
import { readPlatesFile } from "@/lib/readers/plate/on-worker";
import type { PlateType } from "@/lib/readers/plate/plate-kind";
import type { PlateReading } from "@/lib/readers/plate/read-plates";

export interface PlateDetail {
  box: [number, number][];
  /** 蓝牌/黄牌/绿牌; with `all_types` also 黄绿牌, 白牌, 黑牌. */
  plate_type: PlateType;
  platelicense: string;
  /** Probability that the whole string is right. */
  confidence: number;
  /** Only with `?return_char_confidence=true`: one probability per character of platelicense. */
  char_confidence?: number[];
}

export interface PlateResult {
  "number of plate licenses": number;
  detail: PlateDetail[];
}

export interface PlateAnswerOptions {
  allTypes: boolean;
  withCharConfidence: boolean;
}

const round4 = (p: number) => Math.round(p * 1e4) / 1e4;

// POST /v1/aiop/api/2gt54ed8660w/driven-plate-ocr/platelicense.json – licence plates
export async function recognizePlates(
  file: Uint8Array,
  decode: DecodeOptions,
  options: PlateAnswerOptions,
): Promise<FileRead<PlateResult>> {
  return mapRead(readPlatesFile(await getOcrEngine(), file, decode, { allTypes: options.allTypes }), (plates) =>
    toPlateResult(plates, options),
  );
}

export function toPlateResult(plates: PlateReading[], { withCharConfidence }: Pick<PlateAnswerOptions, "withCharConfidence">): PlateResult {
  return {
    "number of plate licenses": plates.length,
    detail: plates.map((p) => ({
      box: p.box.map(([x, y]) => [Math.round(x), Math.round(y)] as [number, number]),
      plate_type: p.plateType,
      platelicense: p.text,
      confidence: round4(p.confidence),
      ...(withCharConfidence ? { char_confidence: p.charProbs.map(round4) } : {}),
    })),
  };
}
