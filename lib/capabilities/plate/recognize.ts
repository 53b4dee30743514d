import "server-only";

import { mapRead } from "@/lib/capabilities/file-read";
import type { DecodeOptions } from "@/lib/images/decode";
import { getOcrEngine } from "@/lib/ocr/engine";
import type { PlateReading } from "@/lib/readers/plate/read-plates";
import type { FileRead } from "@/lib/ocr/types";
import { readPlatesFile } from "@/lib/readers/plate/on-worker";

export interface PlateDetail {
  box: [number, number][];
  plate_type: "蓝牌" | "黄牌" | "绿牌";
  platelicense: string;
  /** Probability that the whole string is right (product of the character posteriors). */
  confidence: number;
}

export interface PlateResult {
  "number of plate licenses": number;
  detail: PlateDetail[];
}

// POST /v1/aiop/api/2gt54ed8660w/driven-plate-ocr/platelicense.json – licence plates
export async function recognizePlates(file: Uint8Array, decode: DecodeOptions): Promise<FileRead<PlateResult>> {
  return mapRead(readPlatesFile(await getOcrEngine(), file, decode), toPlateResult);
}

function toPlateResult(plates: PlateReading[]): PlateResult {
  return {
    "number of plate licenses": plates.length,
    detail: plates.map((p) => ({
      box: p.box.map(([x, y]) => [Math.round(x), Math.round(y)] as [number, number]),
      plate_type: p.plateType,
      platelicense: p.text,
      confidence: Math.round(p.confidence * 1e4) / 1e4,
    })),
  };
}
