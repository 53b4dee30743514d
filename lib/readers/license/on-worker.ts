// Business licence reading as a task of the OCR worker: the picture is turned upright there
// (licences are photographed sideways too), so the whole reading runs where it was decoded.
import type { DecodeOptions } from "@/lib/images/decode-image";
import type { OcrEngine } from "@/lib/ocr/engine-core";
import { linesBeforeTurn, readUpright } from "@/lib/ocr/orientation/read-upright";
import type { FileRead, TextLine } from "@/lib/ocr/types";
import type { ReaderTask } from "@/lib/ocr/worker/file-tasks";

import { type BusinessLicenseDetail, extractBusinessLicense, type LicenseWarning } from "./extract-fields";

export const LICENSE_TASK = "license";

export interface LicenseReading {
  isLicense: boolean;
  detail: BusinessLicenseDetail;
  warnings: LicenseWarning[];
  /** The lines the fields were read from, in the pixels of the picture as sent (for locating fields). */
  lines: TextLine[];
}

export const licenseTask: ReaderTask<undefined, LicenseReading> = {
  async run(picture, ocr) {
    const { turn, lines } = await readUpright(picture, ocr);
    const { isLicense, detail, warnings } = extractBusinessLicense(lines);
    return { isLicense, detail, warnings, lines: linesBeforeTurn(lines, turn, picture.width, picture.height) };
  },
};

/** Decodes an upload and reads it as a business licence on a worker (the file's buffer is transferred). */
export function readLicenseFile(engine: OcrEngine, file: Uint8Array, decode: DecodeOptions): Promise<FileRead<LicenseReading>> {
  return engine.readFile<LicenseReading>(file, decode, { name: LICENSE_TASK });
}
