import { z } from "zod";

import type { CapabilityId } from "@/lib/capabilities/catalog";
import { ID_FIELDS, LICENSE_FIELDS } from "@/lib/playground/normalize";
import type { ExportPage } from "./document";

// One picture's API answer (its element of `returnObj`, or the licence's `returnObj`) as an
// export page. Paragraphs and tables are taken only when they have the documented shape; anything
// else falls back to the lines in `detail` order.

const box = z.array(z.number()).min(8);
const paragraphs = z.array(z.object({ lines: z.array(z.number().int().min(0)), box: box.optional() }));
const tables = z.array(
  z.object({
    box: box.optional(),
    rows: z.number().int().min(1).max(500),
    cols: z.number().int().min(1).max(100),
    cells: z.array(
      z.object({
        row: z.number().int().min(0),
        col: z.number().int().min(0),
        rowspan: z.number().int().min(1).default(1),
        colspan: z.number().int().min(1).default(1),
        text: z.string(),
        box: box.optional(),
      }),
    ),
  }),
);

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));

function fieldRecord(detail: unknown, fields: [string, string][]): Record<string, string> {
  const d = isObj(detail) ? detail : {};
  return Object.fromEntries(fields.filter(([key]) => key in d).map(([key, label]) => [label, str(d[key])]));
}

function records(capability: CapabilityId, el: Json): Record<string, string>[] | undefined {
  if (capability === "idcard")
    return el.note === "front" || el.note === "back"
      ? [{ 面: el.note === "back" ? "人像面" : "国徽面", ...fieldRecord(el.detail, ID_FIELDS) }]
      : [];
  if (capability === "license") return el.license_type === "Business License" ? [fieldRecord(el.detail, LICENSE_FIELDS)] : [];
  if (capability === "plate")
    return (Array.isArray(el.detail) ? el.detail.filter(isObj) : []).map((p) => ({
      车牌号: str(p.platelicense),
      颜色: str(p.plate_type),
      置信度: typeof p.confidence === "number" ? p.confidence.toFixed(3) : "",
    }));
  return undefined;
}

export function exportPageFromResponse(opts: {
  capability: CapabilityId;
  name: string;
  width: number;
  height: number;
  dpi?: number;
  /** The picture's result element, or null when the call failed. */
  element: unknown;
  error?: string;
}): ExportPage {
  const base = { name: opts.name, width: opts.width, height: opts.height, dpi: opts.dpi, lines: [] };
  if (!isObj(opts.element) || opts.error) return { ...base, error: opts.error ?? "无结果" };
  const el = opts.element;
  const detail = Array.isArray(el.detail) ? el.detail.filter(isObj) : [];
  const lines =
    opts.capability === "general"
      ? detail.map((d) => ({ text: str(d.text), box: box.safeParse(d.box).success ? (d.box as number[]) : [] }))
      : [];
  const p = paragraphs.safeParse(el.paragraphs);
  const t = tables.safeParse(el.tables);
  return {
    ...base,
    lines,
    paragraphs: p.success ? p.data : undefined,
    tables: t.success ? t.data : undefined,
    records: records(opts.capability, el),
  };
}
