import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, test } from "vitest";

import { CAPABILITIES, capabilityPath } from "@/lib/capabilities/catalog";
import { capabilityErrorRows, gatewayErrorRows } from "@/lib/contract/error-catalog";

import { buildOpenApiDocument } from "./openapi";
import { documentedAnswers } from "./openapi-answers";

const doc = buildOpenApiDocument();

test("is a valid OpenAPI 3.1 document", async () => {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(doc));
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  expect(validator.version).toBe("3.1");
});

test("the validator refuses a broken document (the check can fail)", async () => {
  // OpenAPI 3.1 has no "body" parameters (2.0 had).
  const broken = structuredClone(doc) as { components: { parameters: { eopDate: { in: string } } } };
  broken.components.parameters.eopDate.in = "body";
  expect((await new Validator().validate(broken)).valid).toBe(false);
});

test("documents every route (the licence alias too), relative servers and the signing headers", () => {
  const paths = Object.keys(doc.paths as object);
  for (const def of CAPABILITIES) for (const r of def.routes) expect(paths).toContain(`/v1/aiop/api/${r.apiId}${r.path}`);
  expect(doc.servers).toEqual([{ url: "/", description: expect.any(String) }]);
  const text = JSON.stringify(doc.components);
  for (const header of ["appkey", "ctyun-eop-request-id", "eop-date", "Eop-Authorization"]) expect(text).toContain(`"name":"${header}"`);
});

test("documents the opt-in extras", () => {
  const text = JSON.stringify(doc.paths);
  for (const extra of [
    "return_face",
    "return_warnings",
    "return_field_boxes",
    "confidence",
    "field_boxes",
    "warnings",
    "return_paragraphs",
    "return_tables",
    "return_direction",
    "paragraphs",
    "tables",
    "direction",
    "rowspan",
  ])
    expect(text).toContain(`"${extra}"`);
});

describe("every code of the served tables, with its HTTP status and the exact body", () => {
  const answers = documentedAnswers(doc);
  for (const def of CAPABILITIES) {
    test(def.id, () => {
      const path = capabilityPath(def.id);
      for (const row of capabilityErrorRows(def.id)) {
        expect(
          answers.filter((a) => a.path === path && a.http === row.http && a.code === row.code).map((a) => a.body),
          `${row.error} ${row.scope}`,
        ).toContainEqual(row.body);
      }
    });
  }
  test("gateway", () => {
    for (const row of gatewayErrorRows()) {
      expect(
        answers.filter((a) => a.http === row.http && a.code === row.code).map((a) => a.body),
        `${row.error} ${row.http}`,
      ).toContainEqual(row.body);
    }
  });
});
