import "server-only";

import { extractBusinessLicense, type BusinessLicenseDetail } from "@/lib/extractors/business-license";
import { getOcrEngine } from "@/lib/ocr/engine";
import type { RgbImage } from "@/lib/ocr/types";

export interface BusinessLicenseResult {
  license_type: "Business License" | "Not Business License";
  detail: BusinessLicenseDetail;
}

// POST /v1/aiop/api/2k8jo3ghhjwg/businesslicense/ocr/v1/BusinessLicense.json – business licence
export async function recognizeBusinessLicense(image: RgbImage): Promise<BusinessLicenseResult> {
  const engine = await getOcrEngine();
  const { isLicense, detail } = extractBusinessLicense(await engine.recognize(image));
  return { license_type: isLicense ? "Business License" : "Not Business License", detail };
}
