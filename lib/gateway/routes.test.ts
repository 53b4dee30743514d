import { describe, expect, test } from "vitest";

import { CapabilityError } from "@/lib/capabilities/capability-error";

import { GatewayError } from "@/lib/errors/gateway-errors";
import { ENDPOINTS } from "@/lib/capabilities/endpoints";

import { matchRoute } from "./routes";

const P = "/v1/aiop/api/";

describe("matchRoute", () => {
  test.each([
    [`${P}2f3p1pnxpqm8/ocrdetect/ocr/v1/image.json`, "general"],
    [`${P}2f3os7qq79xc/IdentityCard/ocr/v1/idcard.json`, "idcard"],
    [`${P}2gt54ed8660w/driven-plate-ocr/platelicense.json`, "plate"],
    [`${P}2k8jo3ghhjwg/businesslicense/ocr/v1/BusinessLicense.json`, "license"],
    [`${P}2z0yhhrzgv0g/tts/predict`, "license"],
  ])("%s → %s", (path, capability) => {
    const match = matchRoute(path);
    expect(match.kind).toBe("endpoint");
    expect(match.kind !== "unknown-api" && match.endpoint.capability).toBe(capability);
  });

  test.each([`${P}`, `${P}unknown/x`, `${P}2f3p1pnxpqm9/ocrdetect/ocr/v1/image.json`, "/v1/aiop/other"])("unknown API id %s", (path) => {
    expect(matchRoute(path)).toEqual({ kind: "unknown-api" });
  });

  // Known API id, wrong rest of the path → the capability's own path code.
  test.each([
    [
      `${P}2f3p1pnxpqm8/ocrdetect/ocr/v1/image.jsonx`,
      { http: 400, body: { statusCode: 400001, message: "error", details: "请求路径错误", error: "AI_OP_400001" } },
    ],
    [`${P}2f3p1pnxpqm8`, { http: 400, body: { statusCode: 400001, error: "AI_OP_400001" } }],
    [
      `${P}2f3os7qq79xc/IdentityCard/ocr/v1/idcard.json/`,
      { http: 400, body: { statusCode: 4013, details: "无效的请求路径，请确保请求路径正确", error: "AI_OP_4013" } },
    ],
    [`${P}2gt54ed8660w/plate.json`, { http: 400, body: { statusCode: 4013, error: "AI_OP_4013" } }],
    [`${P}2k8jo3ghhjwg/tts/predict`, { http: 404, body: { statusCode: 50003, message: "API 中无效的 URL 请求", error: "EOP_50003" } }],
    [`${P}2z0yhhrzgv0g/businesslicense/ocr/v1/BusinessLicense.json`, { http: 404, body: { statusCode: 50003, error: "EOP_50003" } }],
  ])("path code for %s", async (path, expected) => {
    const match = matchRoute(path);
    expect(match.kind).toBe("unknown-path");
    if (match.kind !== "unknown-path") return;
    const response = match.endpoint.pathError().toResponse();
    expect(response.status).toBe(expected.http);
    expect(await response.json()).toMatchObject(expected.body);
  });

  test.each([
    ["general", `${P}2f3p1pnxpqm8/ocrdetect/ocr/v1/image.json`, 400002, CapabilityError],
    ["idcard", `${P}2f3os7qq79xc/IdentityCard/ocr/v1/idcard.json`, 4012, CapabilityError],
    ["plate", `${P}2gt54ed8660w/driven-plate-ocr/platelicense.json`, 4012, CapabilityError],
    ["license", `${P}2z0yhhrzgv0g/tts/predict`, 40008, GatewayError],
  ])("%s method code %i, HTTP 405", (_name, path, code, type) => {
    const match = matchRoute(path);
    if (match.kind !== "endpoint") throw new Error("no match");
    const error = match.endpoint.methodError();
    expect(error).toBeInstanceOf(type);
    expect(error.code).toBe(code);
    expect(error.httpStatus).toBe(405);
  });
});

test("body limits per endpoint: the licence takes one 7 MiB image in base64 (~9.4 MiB), the batches 50 of 10 MiB", () => {
  const base64 = (bytes: number) => 4 * Math.ceil(bytes / 3);
  const license = ENDPOINTS.license.maxBodyBytes;
  expect(license).toBeGreaterThanOrEqual(JSON.stringify({ Action: "BusinessCardOCR", ImageData: "" }).length + base64(7 * 2 ** 20));
  expect(license).toBeLessThan(9.5 * 2 ** 20);
  for (const id of ["general", "idcard", "plate"] as const)
    expect(ENDPOINTS[id].maxBodyBytes).toBeGreaterThanOrEqual(50 * (base64(10 * 2 ** 20) + 3) + 11);
});
