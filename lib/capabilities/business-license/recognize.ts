import "server-only";

import { locateFields } from "@/lib/capabilities/field-boxes";
import { mapRead } from "@/lib/capabilities/file-read";
import type { DecodeOptions } from "@/lib/images/decode";
import { getOcrEngine } from "@/lib/ocr/engine";
import type { FileRead } from "@/lib/ocr/types";
import type { BusinessLicenseDetail, LicenseWarning } from "@/lib/readers/license/extract-fields";
import { type LicenseReading, readLicenseFile } from "@/lib/readers/license/on-worker";

export interface BusinessLicenseResult {
  license_type: "Business License" | "Not Business License";
  detail: BusinessLicenseDetail;
  /** Only with `?return_warnings=true`: the checks that failed. */
  warnings?: LicenseWarning[];
  /** Only with `?return_field_boxes=true`. */
  field_boxes?: Record<string, number[]>;
}

interface LicenseOptions {
  withFieldBoxes?: boolean;
  withWarnings?: boolean;
}

// POST /v1/aiop/api/2k8jo3ghhjwg/businesslicense/ocr/v1/BusinessLicense.json – business licence
export async function recognizeBusinessLicense(
  file: Uint8Array,
  decode: DecodeOptions,
  opts: LicenseOptions = {},
): Promise<FileRead<BusinessLicenseResult>> {
  return mapRead(readLicenseFile(await getOcrEngine(), file, decode), (reading) => toLicenseResult(reading, opts));
}

function toLicenseResult({ isLicense, detail, warnings, lines }: LicenseReading, opts: LicenseOptions): BusinessLicenseResult {
  const result: BusinessLicenseResult = { license_type: isLicense ? "Business License" : "Not Business License", detail };
  if (opts.withWarnings) result.warnings = warnings;
  if (opts.withFieldBoxes) result.field_boxes = locateFields(lines, { ...detail });
  return result;
}
