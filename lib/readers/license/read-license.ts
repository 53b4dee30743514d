// Business licence reading: the general text lines of the upload (decoded and read on a worker),
// then the licence fields from those lines. The licence needs no pixel work past the engine.
import type { DecodeOptions } from "@/lib/images/decode-image";
import type { OcrEngine } from "@/lib/ocr/engine-core";
import type { FileRead, TextLine } from "@/lib/ocr/types";

import { type BusinessLicenseDetail, extractBusinessLicense } from "./extract-fields";

export interface LicenseReading {
  isLicense: boolean;
  detail: BusinessLicenseDetail;
  /** The lines the fields were read from, in original-image pixels (for locating fields). */
  lines: TextLine[];
}

export async function readLicenseFile(engine: OcrEngine, file: Uint8Array, decode: DecodeOptions): Promise<FileRead<LicenseReading>> {
  const read = await engine.recognizeFile(file, decode);
  if (!read.ok) return read;
  const { isLicense, detail } = extractBusinessLicense(read.value);
  return { ok: true, value: { isLicense, detail, lines: read.value } };
}
