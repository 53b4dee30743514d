import "server-only";

import { z } from "zod";

import type { CapabilityId } from "@/lib/capabilities/catalog";
import { ENDPOINTS } from "@/lib/capabilities/endpoints";
import { capabilityErrorRows, type ErrorRow, gatewayErrorRows } from "@/lib/contract/error-catalog";

// What the console docs page (/capabilities/<id>/docs) shows, generated from the same definitions
// and tables as /api/openapi.json: the body parameters, the error tables and a failure example.

export interface ParamRow {
  name: string;
  required: boolean;
  type: string;
  description: string;
  example?: string;
}

/** One table row per code and HTTP status; the several `details` of one code (50010) are listed together. */
export interface ErrorDocRow {
  code: number;
  http: number;
  scope: ErrorRow["scope"];
  title: string;
  doc: string;
  details: string[];
}

interface JsonSchemaProperty {
  type?: string;
  const?: unknown;
  description?: string;
  examples?: unknown[];
  items?: JsonSchemaProperty;
}

const typeName = (p: JsonSchemaProperty): string =>
  p.type === "array" ? `List<${p.items ? typeName(p.items) : "any"}>` : (p.type ?? typeof p.const);

const exampleText = (value: unknown) => (value === undefined ? undefined : typeof value === "string" ? value : JSON.stringify(value));

/** The request body's keys, from the endpoint's documented request schema. */
export function bodyParams(id: CapabilityId): ParamRow[] {
  const schema = z.toJSONSchema(ENDPOINTS[id].contract.request, { io: "input" }) as {
    properties: Record<string, JsonSchemaProperty>;
    required?: string[];
  };
  return Object.entries(schema.properties).map(([name, p]) => ({
    name,
    required: schema.required?.includes(name) ?? false,
    type: typeName(p),
    description: p.description ?? "",
    example: exampleText(p.const ?? p.examples?.[0]),
  }));
}

function group(rows: ErrorRow[]): ErrorDocRow[] {
  const out = new Map<string, ErrorDocRow>();
  for (const row of rows) {
    const key = `${row.code}/${row.http}/${row.scope}`;
    const entry = out.get(key) ?? { code: row.code, http: row.http, scope: row.scope, title: row.title, doc: row.doc, details: [] };
    if (row.details && row.details !== row.doc) entry.details.push(row.details);
    out.set(key, entry);
  }
  return [...out.values()];
}

/** The capability's own codes and the gateway codes its path can answer. */
export function errorTables(id: CapabilityId): { capability: ErrorDocRow[]; gateway: ErrorDocRow[] } {
  return { capability: group(capabilityErrorRows(id)), gateway: group(gatewayErrorRows(id)) };
}

/** The exact answer for one of the capability's codes: a whole-request error, or a batch with that failed image. */
export function failureExample(id: CapabilityId, code: number): string {
  const rows = capabilityErrorRows(id).filter((r) => r.code === code);
  const row = rows.find((r) => r.scope === "request") ?? rows[0];
  if (!row) throw new Error(`No code ${code} for ${id}`);
  const body = row.scope === "image" ? { statusCode: 0, message: { success: 0, fail: 1 }, returnObj: [row.body] } : row.body;
  return JSON.stringify(body);
}
