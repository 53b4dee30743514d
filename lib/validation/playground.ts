import { z } from "zod";

import { CAPABILITY_IDS } from "@/lib/capabilities/catalog";

/** Seed §5 FAQ: the online trial takes images up to 2 MB each, jpg/png/bmp. */
export const PLAYGROUND_MAX_BYTES = 2 * 1024 * 1024;
/** Pictures in one batch; each is sent as its own call, so one upload stays ≤ 2 MB (server-action limit 12 MB). */
export const PLAYGROUND_MAX_IMAGES = 50;
/** Seed §5 FAQ's front-end limit, applied to a PDF as to a picture. */
export const PLAYGROUND_MAX_PDF_PAGES = 20;
export const PLAYGROUND_PDF_DPI = [100, 150, 200] as const;
export const PLAYGROUND_ACCEPT = ".jpg,.jpeg,.png,.bmp,image/jpeg,image/png,image/bmp";
export const PLAYGROUND_FORMATS_LABEL = "jpg、png、bmp";

export const playgroundRequestSchema = z.object({
  capabilityId: z.enum(CAPABILITY_IDS),
  appId: z.string().trim().min(1, "请选择应用").max(64),
});

export const pdfPageRequestSchema = z.object({
  appId: z.string().trim().min(1, "请选择应用").max(64),
  page: z.coerce.number().int().min(1).max(PLAYGROUND_MAX_PDF_PAGES),
  dpi: z.coerce
    .number()
    .int()
    .refine((n) => (PLAYGROUND_PDF_DPI as readonly number[]).includes(n), "分辨率只能是 100、150 或 200 DPI"),
  /** "1": a page that carries a text layer is read from the PDF, without an API call. */
  useTextLayer: z.enum(["0", "1"]).default("0"),
});

/** "1-3,5" → [1,2,3,5] within 1..pages; a clear message for anything else. */
export function parsePageRange(range: string, pages: number): { pages: number[] } | { error: string } {
  const text = range.trim().replace(/，/g, ",").replace(/[—–~]/g, "-");
  if (!text) return { pages: Array.from({ length: pages }, (_, i) => i + 1) };
  const picked = new Set<number>();
  for (const part of text.split(",")) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    const from = m ? Number(m[1]) : Number.NaN;
    const to = m?.[2] ? Number(m[2]) : from;
    if (!m || from < 1 || to < from || to > pages) return { error: `页码范围「${range}」无效：请填写 1–${pages} 之间的页码，如 1-3,5` };
    for (let p = from; p <= to; p++) picked.add(p);
  }
  return { pages: [...picked].sort((a, b) => a - b) };
}

/**
 * Adds picked, dropped or pasted files after the ones already there, up to `max`; past it the
 * message names how many and which were left out (never silently).
 */
export function appendFiles<T extends { name: string }>(
  existing: T[],
  incoming: T[],
  max = PLAYGROUND_MAX_IMAGES,
): { files: T[]; message: string | null } {
  const room = Math.max(0, max - existing.length);
  const left = incoming.slice(room);
  const files = [...existing, ...incoming.slice(0, room)];
  if (left.length === 0) return { files, message: null };
  const names =
    left
      .slice(0, 3)
      .map((f) => `「${f.name}」`)
      .join("、") + (left.length > 3 ? ` 等` : "");
  return { files, message: `一次最多 ${max} 张图片，${names} ${left.length} 张未添加` };
}

export function isPdf(head: Uint8Array): boolean {
  return head.length >= 5 && String.fromCharCode(...head.subarray(0, 5)) === "%PDF-";
}

/** A PDF for the general-OCR playground: same 2 MB front-end limit as a picture. */
export function checkPlaygroundPdf(file: { name: string; size: number }, head: Uint8Array): string | null {
  if (file.size === 0) return `「${file.name}」是空文件`;
  if (file.size > PLAYGROUND_MAX_BYTES) return `「${file.name}」超过 2 MB，在线体验仅支持不超过 2 MB 的 PDF`;
  if (!isPdf(head)) return `「${file.name}」不是有效的 PDF 文件`;
  return null;
}

export type ImageFormat = "jpeg" | "png" | "bmp";

/** Decides the format from the first bytes (never from the file name or the browser's type). */
export function sniffImageFormat(head: Uint8Array): ImageFormat | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  if (head.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => head[i] === b)) return "png";
  if (head.length >= 2 && head[0] === 0x42 && head[1] === 0x4d) return "bmp";
  return null;
}

/** The user-facing reason a file cannot be used, or null when it is fine (`pdf`: the playground also takes PDFs). */
export function checkPlaygroundFile(file: { name: string; size: number }, head: Uint8Array, opts: { pdf?: boolean } = {}): string | null {
  if (file.size === 0) return `「${file.name}」是空文件`;
  if (file.size > PLAYGROUND_MAX_BYTES) return `「${file.name}」超过 2 MB，在线体验仅支持单张不超过 2 MB 的图片`;
  if (!sniffImageFormat(head)) return `「${file.name}」格式不支持，仅支持 ${PLAYGROUND_FORMATS_LABEL} 格式${opts.pdf ? "或 PDF" : ""}`;
  return null;
}
