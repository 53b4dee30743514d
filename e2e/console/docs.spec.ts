import { expect, test } from "@playwright/test";

import { CONSOLE_STATE } from "./helpers";

test.use({ storageState: CONSOLE_STATE });

// Each capability's docs page shows every code /api/openapi.json documents for its path (both are
// generated from the served tables), and the unknown-API code 50001.

type OpenApi = {
  paths: Record<
    string,
    {
      post: {
        responses: Record<
          string,
          {
            content?: {
              "application/json"?: { examples?: Record<string, { value: { statusCode?: number; returnObj?: { err_code?: number }[] } }> };
            };
          }
        >;
      };
    }
  >;
};

const PAGES = [
  { id: "general", path: "/v1/aiop/api/2f3p1pnxpqm8/ocrdetect/ocr/v1/image.json" },
  { id: "idcard", path: "/v1/aiop/api/2f3os7qq79xc/IdentityCard/ocr/v1/idcard.json" },
  { id: "plate", path: "/v1/aiop/api/2gt54ed8660w/driven-plate-ocr/platelicense.json" },
  { id: "license", path: "/v1/aiop/api/2k8jo3ghhjwg/businesslicense/ocr/v1/BusinessLicense.json" },
];

for (const { id, path } of PAGES) {
  test(`/capabilities/${id}/docs shows every documented code`, async ({ page }) => {
    const doc = (await (await page.request.get("/api/openapi.json")).json()) as OpenApi;
    const codes = new Set<number>([50001]);
    for (const response of Object.values(doc.paths[path]!.post.responses)) {
      for (const { value } of Object.values(response.content?.["application/json"]?.examples ?? {})) {
        const code = value.returnObj?.[0]?.err_code ?? value.statusCode;
        if (code) codes.add(code);
      }
    }
    expect(codes.size).toBeGreaterThan(20);
    await page.goto(`/capabilities/${id}/docs`);
    const shown = new Set<number>();
    for (const label of ["能力错误码", "网关错误码"]) {
      for (const cell of await page.getByRole("table", { name: label }).locator("tbody tr td:first-child").allTextContents())
        shown.add(Number(cell));
    }
    expect([...codes].filter((code) => !shown.has(code))).toEqual([]);
  });
}
