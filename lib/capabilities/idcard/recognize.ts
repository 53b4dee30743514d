import "server-only";

import sharp from "sharp";

import { locateFields } from "@/lib/capabilities/field-boxes";
import { EMPTY_ID_DETAIL, type IdCardDetail } from "@/lib/readers/idcard/extract-fields";
import { mapRead } from "@/lib/capabilities/file-read";
import type { DecodeOptions } from "@/lib/images/decode";
import { getOcrEngine } from "@/lib/ocr/engine";
import type { FileRead, RgbImage } from "@/lib/ocr/types";
import { readIdCardFile } from "@/lib/readers/idcard/on-worker";
import type { IdCardReading } from "@/lib/readers/idcard/read-id-card";

export interface IdCardResult {
  note: "front" | "back" | "";
  detail: IdCardDetail;
  /** "no face" (seed default) unless the request sent "return_face": true. */
  idcard_face: string;
  demo_image: "demo_image";
  risk: "normal";
  /** Only when the request sent "return_warnings": true: the checks that failed. */
  warnings?: string[];
  /** Only with `?return_field_boxes=true`. */
  field_boxes?: Record<string, number[]>;
}

export interface IdCardOptions {
  returnFace: boolean;
  withWarnings?: boolean;
  withFieldBoxes?: boolean;
}

const NO_FACE = "no face";
const FACE_JPEG_QUALITY = 85;

// POST /v1/aiop/api/2f3os7qq79xc/IdentityCard/ocr/v1/idcard.json – ID card (one image)
export async function recognizeIdCard(file: Uint8Array, decode: DecodeOptions, opts: IdCardOptions): Promise<FileRead<IdCardResult>> {
  const engine = await getOcrEngine();
  return mapRead(readIdCardFile(engine, file, decode, { withPortrait: opts.returnFace }), (reading) => toIdCardResult(reading, opts));
}

async function toIdCardResult(reading: IdCardReading, opts: IdCardOptions): Promise<IdCardResult> {
  const result: IdCardResult = {
    note: reading.side,
    detail: reading.side ? reading.detail : { ...EMPTY_ID_DETAIL },
    idcard_face: reading.portrait ? await toJpegBase64(reading.portrait) : NO_FACE,
    demo_image: "demo_image",
    risk: "normal",
  };
  if (opts.withWarnings) result.warnings = reading.warnings;
  if (opts.withFieldBoxes) result.field_boxes = locateFields(reading.lines, { ...result.detail });
  return result;
}

async function toJpegBase64(image: RgbImage): Promise<string> {
  const jpeg = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .jpeg({ quality: FACE_JPEG_QUALITY })
    .toBuffer();
  return jpeg.toString("base64");
}
