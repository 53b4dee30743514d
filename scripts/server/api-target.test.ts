import { describe, expect, test } from "vitest";

import { apiRequestTarget } from "./api-target.mjs";

const GENERAL = "/v1/aiop/api/2f3p1pnxpqm8/ocrdetect/ocr/v1/image.json";

describe("apiRequestTarget", () => {
  test.each([
    ["the canonical path", "POST", `${GENERAL}?a=1&b=%20`, { method: "POST", url: `${GENERAL}?a=1&b=%20`, variant: false }],
    ["a trailing slash", "POST", `${GENERAL}/`, { method: "POST", url: GENERAL, variant: true }],
    ["a leading double slash", "POST", `/${GENERAL}`, { method: "POST", url: GENERAL, variant: true }],
    ["a double slash inside", "POST", GENERAL.replace("/ocr/", "//ocr/"), { method: "POST", url: GENERAL, variant: true }],
    ["dot segments", "POST", GENERAL.replace("/ocr/v1/", "/ocr/./x/../v1/"), { method: "POST", url: GENERAL, variant: true }],
    [
      "slashes in the query are left alone",
      "POST",
      `${GENERAL}?next=//x/`,
      { method: "POST", url: `${GENERAL}?next=//x/`, variant: false },
    ],
    ["the API root", "GET", "/v1/aiop/api/", { method: "GET", url: "/v1/aiop/api", variant: true }],
    ["TRACE", "TRACE", GENERAL, { method: "OPTIONS", url: GENERAL, variant: false }],
    ["PROPFIND on a variant", "PROPFIND", `${GENERAL}//`, { method: "OPTIONS", url: GENERAL, variant: true }],
    ["a method Next routes", "DELETE", GENERAL, { method: "DELETE", url: GENERAL, variant: false }],
  ])("%s", (_name, method, url, expected) => {
    expect(apiRequestTarget(method, url)).toEqual(expected);
  });

  test.each(["/", "/login/", "//login", "/v1/aiop/apix", "/v1/aiop", "/api/health", "*"])("%s is not an API target", (url) => {
    expect(apiRequestTarget("TRACE", url)).toBeNull();
  });
});
