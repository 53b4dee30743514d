import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, test } from "vitest";

import { type CapabilityId, capabilityPath } from "@/lib/capabilities/catalog";
import { errorTables } from "@/lib/contract/docs-tables";

import { buildOpenApiDocument } from "./openapi";
import { documentedAnswers } from "./openapi-answers";

// The API conformance suite (e2e/api/*.spec.ts) pins the contract independently of the server's
// tables. Every code it provokes must be in /api/openapi.json with the same HTTP status and text,
// and in the console docs tables. The specs are read as text: each expected error they spell out
// (object literals with statusCode/err_code, and the [name, input, code, text] case tables with
// the HTTP status their loop asserts) becomes an expectation checked here.

interface Expected {
  file: string;
  code: number;
  http?: number;
  /** A text the spec expects: the message, details or err_msg. */
  text?: string;
}

const SPEC_DIR = path.resolve(import.meta.dirname, "../../e2e/api");
const CAPABILITY_OF_SPEC: Record<string, CapabilityId> = {
  "general-ocr.spec.ts": "general",
  "idcard.spec.ts": "idcard",
  "plate.spec.ts": "plate",
  "business-license.spec.ts": "license",
};

function expectationsIn(file: string, source: string): Expected[] {
  const found: Expected[] = [];
  const stringField = (object: string, key: string) => object.match(new RegExp(`\\b${key}: "([^"]*)"`))?.[1];
  for (const [object] of source.matchAll(/\{[^{}]*\bstatusCode: \d+[^{}]*\}/g)) {
    const code = Number(object.match(/\bstatusCode: (\d+)/)![1]);
    if (code === 0) continue;
    const http = object.match(/\bhttp: (\d{3})/)?.[1];
    found.push({
      file,
      code,
      http: http ? Number(http) : undefined,
      text: stringField(object, "message") ?? stringField(object, "details"),
    });
  }
  for (const [, code, text] of source.matchAll(/\{ err_code: (\d+), err_msg: "([^"]*)" \}/g))
    found.push({ file, code: Number(code), http: 200, text });
  for (const [, list] of source.matchAll(/err_code\)\)\.toEqual\(\[([\d,\s]+)\]\)/g)) {
    for (const code of list!.split(",")) found.push({ file, code: Number(code), http: 200 });
  }
  // Case tables: one case per line, the loop (or batch) after them asserts the HTTP status.
  const lines = source.split("\n");
  lines.forEach((line, index) => {
    const match = line.match(/^\s*\["[^"]*",.*,\s*(\d{4,6})(?:,\s*"([^"]*)")?\],?\s*$/);
    if (!match) return;
    const after = lines
      .slice(index + 1)
      .join("\n")
      .match(/expect\(result\.status\)\.toBe\((\d{3})\)/);
    found.push({ file, code: Number(match[1]), http: after ? Number(after[1]) : undefined, text: match[2] });
  });
  return found;
}

const specs = readdirSync(SPEC_DIR).filter((f) => f.endsWith(".spec.ts"));
const scanned = specs.flatMap((file) => expectationsIn(file, readFileSync(path.join(SPEC_DIR, file), "utf8")));
const expectations = [...new Map(scanned.map((e) => [JSON.stringify(e), e])).values()];
const answers = documentedAnswers(buildOpenApiDocument());
const matches = (e: Expected, a: { http: number; code: number; body: Record<string, unknown> }) =>
  a.code === e.code &&
  (e.http === undefined || a.http === e.http) &&
  (e.text === undefined || [a.body.message, a.body.details, a.body.err_msg].includes(e.text));

test("the scan finds the conformance suite's expected errors", () => {
  expect(expectations.length).toBeGreaterThan(70);
  const files = new Set(expectations.map((e) => e.file));
  for (const file of [
    "business-license.spec.ts",
    "edge.spec.ts",
    "gateway-errors.spec.ts",
    "general-ocr.spec.ts",
    "idcard.spec.ts",
    "metering.spec.ts",
    "plate.spec.ts",
  ])
    expect(files).toContain(file);
  // A case table row and its loop's status: licence "not a dict" → 400005 with HTTP 400.
  expect(expectations).toContainEqual({ file: "business-license.spec.ts", code: 400005, http: 400, text: "请求体类型错误" });
});

describe("every code the conformance tests provoke is in the OpenAPI document, same HTTP status and text", () => {
  for (const e of expectations) {
    test(`${e.file}: ${e.code}${e.http ? ` HTTP ${e.http}` : ""}${e.text ? ` ${e.text}` : ""}`, () => {
      const capability = CAPABILITY_OF_SPEC[e.file];
      const candidates = capability ? answers.filter((a) => a.path === capabilityPath(capability)) : answers;
      expect(candidates.some((a) => matches(e, a))).toBe(true);
    });
  }
});

test("the console docs tables show every code the conformance tests provoke", () => {
  const ids: CapabilityId[] = ["general", "idcard", "plate", "license"];
  for (const e of expectations) {
    const capability = CAPABILITY_OF_SPEC[e.file];
    const rows = (capability ? [capability] : ids).flatMap((id) => Object.values(errorTables(id)).flat());
    const shown = rows.some(
      (row) =>
        row.code === e.code &&
        (e.http === undefined || row.http === e.http) &&
        (e.text === undefined || [row.title, row.doc, ...row.details].includes(e.text)),
    );
    expect(shown, `${e.file} ${e.code}`).toBe(true);
  }
});
