import type { CapabilityId } from "@/lib/capabilities/catalog";

// Turns each capability's contract JSON into one shape the playground draws: overlays (polygons
// in image pixels), a text list, and structured fields. Pure and client-safe.

export interface Overlay {
  id: string;
  /** Flat [x1,y1,x2,y2,x3,y3,x4,y4] in original-image pixels. */
  points: number[];
  text: string;
  /** Secondary text (plate colour, field name, confidence). */
  caption?: string;
  color: string;
  confidence?: number;
}

export interface FieldRow {
  key: string;
  label: string;
  value: string;
  overlayId?: string;
}

export interface ImageResult {
  ok: boolean;
  error?: { code: number | string; message: string };
  overlays: Overlay[];
  fields: FieldRow[];
  /** Subtitle, e.g. 国徽面 / 人像面, or "Not Business License". */
  note?: string;
  /** A successful call that found nothing to read (e.g. "未检测到车牌"): shown instead of a success badge. */
  empty?: string;
  /** Plain text for copy/TXT download. */
  text: string;
}

const LINE_COLOR = "#1f6feb";
export const PLATE_COLORS: Record<string, string> = {
  蓝牌: "#2563eb",
  黄牌: "#eab308",
  绿牌: "#16a34a",
  黄绿牌: "#84cc16",
  白牌: "#64748b",
  黑牌: "#0f172a",
};
const FIELD_COLOR = "#db2777";

export const ID_FIELDS: [string, string][] = [
  ["name", "姓名"],
  ["sex", "性别"],
  ["nation", "民族"],
  ["birthday", "出生"],
  ["addr", "住址"],
  ["idn", "公民身份号码"],
  ["org", "签发机关"],
  ["validperiod", "有效期限"],
];

export const LICENSE_FIELDS: [string, string][] = [
  ["union_id", "统一社会信用代码"],
  ["regist_no", "注册号"],
  ["name", "名称"],
  ["type", "类型"],
  ["addr", "住所"],
  ["legal_rep", "法定代表人"],
  ["regist_captial", "注册资本"],
  ["real_captial", "实收资本"],
  ["establish_date", "成立日期"],
  ["operation_period", "营业期限"],
];

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** [x1..y4] or [[x,y]×4] → flat 8 numbers, else null. */
export function toFlatPoints(box: unknown): number[] | null {
  if (!Array.isArray(box)) return null;
  const flat = box.every((p) => Array.isArray(p)) ? (box as unknown[][]).flat() : box;
  const nums = flat.map(num);
  return nums.length >= 8 && nums.every((n) => n !== null) ? (nums as number[]).slice(0, 8) : null;
}

function perImageError(el: Json): ImageResult | null {
  if (el.err_code === undefined && el.errorCode === undefined) return null;
  return {
    ok: false,
    error: { code: (el.err_code ?? el.errorCode) as number, message: String(el.err_msg ?? el.errorMessage ?? "") },
    overlays: [],
    fields: [],
    text: "",
  };
}

/** Field positions (`field_boxes: { name: box }`), which the playground requests with `?return_field_boxes=true`. */
function fieldBoxes(el: Json, fields: [string, string][]): Overlay[] {
  const boxes = isObj(el.field_boxes) ? el.field_boxes : null;
  if (!boxes) return [];
  return fields.flatMap(([key, label]) => {
    const pts = toFlatPoints(boxes[key]);
    const detail = isObj(el.detail) ? el.detail : {};
    return pts ? [{ id: `f-${key}`, points: pts, text: String(detail[key] ?? ""), caption: label, color: FIELD_COLOR }] : [];
  });
}

function fieldRows(detail: Json, fields: [string, string][], overlays: Overlay[]): FieldRow[] {
  return fields
    .filter(([key]) => key in detail || key !== "real_captial")
    .map(([key, label]) => ({ key, label, value: String(detail[key] ?? ""), overlayId: overlays.find((o) => o.id === `f-${key}`)?.id }));
}

function normalizeGeneral(el: Json): ImageResult {
  const detail = Array.isArray(el.detail) ? el.detail.filter(isObj) : [];
  const overlays = detail.flatMap((d, i) => {
    const pts = toFlatPoints(d.box);
    const confidence = num(d.confidence) ?? undefined;
    return pts
      ? [
          {
            id: `l-${i}`,
            points: pts,
            text: String(d.text ?? ""),
            color: LINE_COLOR,
            confidence,
            caption: confidence !== undefined ? `置信度 ${confidence.toFixed(3)}` : undefined,
          },
        ]
      : [];
  });
  return { ok: true, overlays, fields: [], text: detail.map((d) => String(d.text ?? "")).join("\n") };
}

function normalizePlate(el: Json): ImageResult {
  const detail = Array.isArray(el.detail) ? el.detail.filter(isObj) : [];
  const overlays = detail.flatMap((d, i) => {
    const pts = toFlatPoints(d.box);
    const type = String(d.plate_type ?? "");
    const confidence = num(d.confidence) ?? undefined;
    return pts
      ? [
          {
            id: `p-${i}`,
            points: pts,
            text: String(d.platelicense ?? ""),
            caption: confidence === undefined ? type : `${type} · ${(confidence * 100).toFixed(0)}%`,
            color: PLATE_COLORS[type] ?? LINE_COLOR,
            confidence,
          },
        ]
      : [];
  });
  const fields = detail.flatMap((d, i) => [
    { key: `plate-${i}`, label: `车牌 ${i + 1}`, value: String(d.platelicense ?? ""), overlayId: `p-${i}` },
    { key: `type-${i}`, label: `车牌 ${i + 1} 颜色`, value: String(d.plate_type ?? ""), overlayId: `p-${i}` },
    { key: `conf-${i}`, label: `车牌 ${i + 1} 置信度`, value: num(d.confidence)?.toFixed(3) ?? "", overlayId: `p-${i}` },
  ]);
  const count = num(el["number of plate licenses"]) ?? detail.length;
  return {
    ok: true,
    overlays,
    fields,
    // A picture without plates is still a successful call, and the contract charges it.
    note: count === 0 ? "未检测到车牌：调用成功，已按 1 次计费。请换一张车牌清晰可见的图片。" : `识别到 ${count} 个车牌`,
    ...(count === 0 ? { empty: "未检测到车牌" } : {}),
    text: detail.map((d) => `${d.platelicense ?? ""}\t${d.plate_type ?? ""}`).join("\n"),
  };
}

function normalizeIdCard(el: Json): ImageResult {
  const detail = isObj(el.detail) ? el.detail : {};
  const overlays = fieldBoxes(el, ID_FIELDS);
  const fields = fieldRows(detail, ID_FIELDS, overlays);
  const note = el.note === "front" ? "国徽面（front）" : el.note === "back" ? "人像面（back）" : "未检测到身份证";
  return {
    ok: true,
    overlays,
    fields,
    note,
    text: fields
      .filter((f) => f.value)
      .map((f) => `${f.label}：${f.value}`)
      .join("\n"),
  };
}

function normalizeLicense(obj: Json): ImageResult {
  const detail = isObj(obj.detail) ? obj.detail : {};
  const overlays = fieldBoxes(obj, LICENSE_FIELDS);
  const fields = fieldRows(detail, LICENSE_FIELDS, overlays);
  const note = obj.license_type === "Business License" ? "营业执照" : "未识别为营业执照";
  return {
    ok: true,
    overlays,
    fields,
    note,
    text: fields
      .filter((f) => f.value)
      .map((f) => `${f.label}：${f.value}`)
      .join("\n"),
  };
}

function requestError(response: unknown, httpStatus: number): ImageResult {
  const r = isObj(response) ? response : {};
  const code = (r.statusCode as number | undefined) ?? httpStatus;
  const message = String(r.details ?? (typeof r.message === "string" ? r.message : "") ?? "") || `HTTP ${httpStatus}`;
  return { ok: false, error: { code: (r.error as string | undefined) ?? code, message }, overlays: [], fields: [], text: "" };
}

/**
 * One ImageResult per uploaded image. `calls` are the API answers in order: a single batch call
 * (general/idcard/plate) or one call per image (business licence).
 */
export function normalizeCalls(
  capabilityId: CapabilityId,
  calls: { httpStatus: number; response: unknown }[],
  imageCount: number,
): ImageResult[] {
  if (capabilityId === "license") {
    return Array.from({ length: imageCount }, (_, i) => {
      const call = calls[i];
      if (!call) return requestError(null, 0);
      const r = isObj(call.response) ? call.response : {};
      return r.statusCode === 0 && isObj(r.returnObj) ? normalizeLicense(r.returnObj) : requestError(call.response, call.httpStatus);
    });
  }
  const call = calls[0];
  const r = call && isObj(call.response) ? call.response : null;
  if (!call || !r || r.statusCode !== 0 || !Array.isArray(r.returnObj)) {
    const err = requestError(call?.response, call?.httpStatus ?? 0);
    return Array.from({ length: imageCount }, () => err);
  }
  const list = r.returnObj as unknown[];
  return Array.from({ length: imageCount }, (_, i) => {
    const el = list[i];
    if (!isObj(el)) return requestError(null, call.httpStatus);
    const failed = perImageError(el);
    if (failed) return failed;
    if (capabilityId === "general") return normalizeGeneral(el);
    if (capabilityId === "plate") return normalizePlate(el);
    return normalizeIdCard(el);
  });
}

/**
 * What a successful answer that found nothing says, plainly, with whether it was charged (the
 * gateway charges every picture answered without an error, as the original does), or null when
 * something was found. `paid`: the capability is billed per call (catalog).
 */
export function emptyResultMessage(capabilityId: CapabilityId, result: ImageResult, paid: boolean): string | null {
  if (!result.ok) return null;
  const empty =
    capabilityId === "general"
      ? result.overlays.length === 0 && !result.text
      : capabilityId === "plate"
        ? result.overlays.length === 0 && !result.text
        : capabilityId === "idcard"
          ? result.note === "未检测到身份证"
          : result.note === "未识别为营业执照";
  if (!empty) return null;
  const what = {
    general: "未识别到文字",
    idcard: "未检测到身份证",
    plate: "未检测到车牌（支持蓝牌、黄牌、绿牌）",
    license: "未识别为营业执照",
  }[capabilityId];
  return `${what}。调用成功，${paid ? "已按 1 次计费（计入资源包用量）" : "限时免费，不计费"}`;
}

/** A picture's own element of the API's answer: `returnObj[0]` of a one-picture call, or the licence's `returnObj`. */
export function resultElement(capabilityId: CapabilityId, response: unknown): unknown {
  if (!isObj(response) || response.statusCode !== 0) return null;
  return capabilityId === "license" ? response.returnObj : Array.isArray(response.returnObj) ? response.returnObj[0] : null;
}
