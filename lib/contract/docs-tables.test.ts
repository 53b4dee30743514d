import { expect, test } from "vitest";

import { CAPABILITY_IDS } from "@/lib/capabilities/catalog";
import { CapabilityError } from "@/lib/capabilities/capability-error";
import { ENDPOINTS } from "@/lib/capabilities/endpoints";
import { capabilityErrorRows, gatewayErrorRows } from "@/lib/contract/error-catalog";
import { GATEWAY_ERRORS } from "@/lib/errors/gateway-errors";

import { bodyParams, errorTables, failureExample } from "./docs-tables";

test.each(CAPABILITY_IDS)("%s: the docs tables show every code of the served tables, with its HTTP status", (id) => {
  const { capability, gateway } = errorTables(id);
  for (const row of capabilityErrorRows(id))
    expect(capability).toContainEqual(expect.objectContaining({ code: row.code, http: row.http, scope: row.scope, title: row.title }));
  for (const row of gatewayErrorRows(id)) expect(gateway).toContainEqual(expect.objectContaining({ code: row.code, http: row.http }));
  expect(new Set(capability.map((r) => r.code))).toEqual(new Set(Object.keys(ENDPOINTS[id].family.codes).map(Number)));
});

test("every gateway code is documented on some capability's page, with each of its details", () => {
  const shown = CAPABILITY_IDS.flatMap((id) => errorTables(id).gateway);
  expect(new Set(shown.map((r) => r.code))).toEqual(new Set(Object.keys(GATEWAY_ERRORS).map(Number)));
  expect(shown.find((r) => r.code === 50010)!.details).toEqual(Object.values(GATEWAY_ERRORS[50010].details));
  const signature = shown.filter((r) => r.code === 10020).flatMap((r) => r.details);
  expect(signature).toContain("signature mismatch: the string to sign or the SecretKey differs from the server's");
  expect(signature).toContain("eop-date outside the accepted window (±15 min) by 32 min");
  expect(signature).toContain("ctyun-eop-request-id already used with this access key");
  expect(shown.filter((r) => r.code === 10002).flatMap((r) => r.details)).toContain("access key 4a1c…e9 is disabled");
  // The licence's path and method codes are gateway codes; the batch endpoints have their own.
  expect(errorTables("license").gateway.map((r) => `${r.code}/${r.http}`)).toEqual(
    expect.arrayContaining(["50003/404", "40008/405", "40008/415"]),
  );
  expect(errorTables("general").gateway.map((r) => `${r.code}/${r.http}`)).not.toEqual(expect.arrayContaining(["50003/404"]));
  expect(errorTables("general").gateway.map((r) => `${r.code}/${r.http}`)).not.toContain("40008/405");
});

test("the failure example is the exact served answer", () => {
  expect(JSON.parse(failureExample("license", 400009))).toEqual(new CapabilityError(ENDPOINTS.license.family, 400009).toJSON());
  expect(JSON.parse(failureExample("idcard", 4008))).toEqual({
    statusCode: 0,
    message: { success: 0, fail: 1 },
    returnObj: [{ err_code: 4008, err_msg: "base64数据处理异常" }],
  });
});

test("body parameters come from the documented request schema, opt-ins included", () => {
  expect(bodyParams("idcard").map((p) => [p.name, p.required, p.type])).toEqual([
    ["data", true, "List<string>"],
    ["return_face", false, "boolean"],
    ["return_warnings", false, "boolean"],
  ]);
  expect(bodyParams("license").map((p) => [p.name, p.required, p.example])).toEqual([
    ["Action", true, "BusinessCardOCR"],
    ["ImageData", true, "/9j/4AAQSkZJRg..."],
  ]);
});
