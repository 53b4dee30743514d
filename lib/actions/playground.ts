"use server";

import { headers } from "next/headers";
import { z } from "zod";

import { requireUser } from "@/lib/auth/session";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { deletePlaygroundResult, savePlaygroundResult, type PlaygroundResultDto } from "@/lib/data/playground-results";
import { PdfProblem, inspectPdf, renderPdfPage, type PdfInfo } from "@/lib/playground/pdf-pages";
import { callCapabilityAsUser, type PlaygroundCall } from "@/lib/playground/signed-client";
import {
  checkPlaygroundFile,
  checkPlaygroundPdf,
  pdfPageRequestSchema,
  playgroundRequestSchema,
  sniffImageFormat,
} from "@/lib/validation/playground";
import { invalidInput, runAction, type ActionResult } from "@/lib/actions/result";

// 在线体验. One picture (or one PDF page) per action, so the page shows progress per picture and
// each result is kept in the user's recent results as soon as it is there.

export interface PlaygroundRun {
  call: PlaygroundCall;
  saved: PlaygroundResultDto;
}

const size = z.object({ width: z.coerce.number().int().min(1).max(100_000), height: z.coerce.number().int().min(1).max(100_000) });
const MIME = { jpeg: "image/jpeg", png: "image/png", bmp: "image/bmp" } as const;

function fileOf(form: FormData, key: string): File | null {
  const f = form.get(key);
  return typeof f === "object" && f !== null && "arrayBuffer" in f ? f : null;
}

async function clientIp(): Promise<string | undefined> {
  const h = await headers();
  const ip = clientIpFromHeaders((name) => h.get(name));
  return ip === "unknown" ? undefined : ip;
}

/** The PDF of the form, checked (≤ 2 MB, really a PDF) before it is parsed. */
async function readPdf(form: FormData): Promise<{ bytes: Uint8Array; name: string } | { error: string }> {
  const file = fileOf(form, "pdf");
  if (!file) return { error: "请先上传 PDF" };
  const sizeProblem = checkPlaygroundPdf({ name: file.name, size: file.size }, new TextEncoder().encode("%PDF-"));
  if (sizeProblem) return { error: sizeProblem };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const problem = checkPlaygroundPdf({ name: file.name, size: bytes.byteLength }, bytes.subarray(0, 8));
  return problem ? { error: problem } : { bytes, name: file.name };
}

/** FormData { capabilityId, appId, image, width, height } → one signed API call, kept in recent results. */
export async function recognizeImageAction(form: FormData): Promise<ActionResult<PlaygroundRun>> {
  const parsed = playgroundRequestSchema.safeParse({ capabilityId: form.get("capabilityId"), appId: form.get("appId") });
  if (!parsed.success) return invalidInput(parsed.error);
  const dims = size.safeParse({ width: form.get("width"), height: form.get("height") });
  if (!dims.success) return invalidInput(dims.error);
  const user = await requireUser();
  const file = fileOf(form, "image");
  if (!file) return { ok: false, error: "请先上传图片" };
  // Size first, before reading a large upload into memory.
  const sizeProblem = checkPlaygroundFile({ name: file.name, size: file.size }, new Uint8Array([0xff, 0xd8, 0xff]));
  if (sizeProblem) return { ok: false, error: sizeProblem };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const problem = checkPlaygroundFile({ name: file.name, size: bytes.byteLength }, bytes.subarray(0, 16));
  if (problem) return { ok: false, error: problem };
  const format = sniffImageFormat(bytes.subarray(0, 16)) ?? "jpeg";
  const ip = await clientIp();

  return runAction(async () => {
    const [call] = await callCapabilityAsUser({
      userId: user.id,
      appId: parsed.data.appId,
      capabilityId: parsed.data.capabilityId,
      images: [bytes],
      clientIp: ip,
    });
    const saved = await savePlaygroundResult({
      userId: user.id,
      capability: parsed.data.capabilityId,
      name: file.name,
      image: bytes,
      imageMime: MIME[format],
      ...dims.data,
      requestId: call!.requestId,
      httpStatus: call!.httpStatus,
      response: call!.response,
      source: "api",
    });
    return { call: call!, saved };
  });
}

/** FormData { pdf } → its page count and the pages that carry a text layer; clear errors for encrypted, broken or long PDFs. */
export async function inspectPdfAction(form: FormData): Promise<ActionResult<PdfInfo>> {
  await requireUser();
  const pdf = await readPdf(form);
  if ("error" in pdf) return { ok: false, error: pdf.error };
  try {
    return { ok: true, data: await inspectPdf(pdf.bytes) };
  } catch (err) {
    if (err instanceof PdfProblem) return { ok: false, error: err.message };
    throw err;
  }
}

export interface PdfPageRun {
  /** The rendered page (JPEG, base64), shown as the page's picture and thumbnail. */
  jpegBase64: string;
  width: number;
  height: number;
  dpi: number;
  /** The signed call, or null when the page's own text layer was used (no call, nothing charged). */
  call: PlaygroundCall | null;
  saved: PlaygroundResultDto;
}

/**
 * FormData { appId, pdf, page, dpi, useTextLayer } → the page rendered server-side and sent through
 * the general-OCR API as one call (charged as one), or read from its text layer when asked and present.
 */
export async function recognizePdfPageAction(form: FormData): Promise<ActionResult<PdfPageRun>> {
  const parsed = pdfPageRequestSchema.safeParse({
    appId: form.get("appId"),
    page: form.get("page"),
    dpi: form.get("dpi"),
    useTextLayer: form.get("useTextLayer") ?? undefined,
  });
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await requireUser();
  const pdf = await readPdf(form);
  if ("error" in pdf) return { ok: false, error: pdf.error };
  const ip = await clientIp();
  const { appId, page, dpi, useTextLayer } = parsed.data;

  let rendered: Awaited<ReturnType<typeof renderPdfPage>>;
  try {
    rendered = await renderPdfPage(pdf.bytes, page, dpi);
  } catch (err) {
    if (err instanceof PdfProblem) return { ok: false, error: err.message };
    throw err;
  }
  return runAction(async () => {
    const fromTextLayer = useTextLayer === "1" && rendered.textLines.length > 0;
    // The text layer is answered in general OCR's shape, so every view and export reads it alike.
    const call = fromTextLayer
      ? null
      : (await callCapabilityAsUser({ userId: user.id, appId, capabilityId: "general", images: [rendered.jpeg], clientIp: ip }))[0]!;
    const response = call?.response ?? {
      statusCode: 0,
      message: { success: 1, fail: 0 },
      returnObj: [{ text_line: rendered.textLines.length, detail: rendered.textLines.map((l, i) => ({ name: String(i), ...l })) }],
    };
    const saved = await savePlaygroundResult({
      userId: user.id,
      capability: "general",
      name: `${pdf.name} · 第 ${page} 页`,
      image: rendered.jpeg,
      imageMime: "image/jpeg",
      width: rendered.width,
      height: rendered.height,
      dpi: rendered.dpi,
      requestId: call?.requestId,
      httpStatus: call?.httpStatus ?? 200,
      response,
      source: fromTextLayer ? "text-layer" : "api",
    });
    return {
      jpegBase64: Buffer.from(rendered.jpeg).toString("base64"),
      width: rendered.width,
      height: rendered.height,
      dpi: rendered.dpi,
      call,
      saved,
    };
  });
}

/** Deletes one of the user's recent results. */
export async function deletePlaygroundResultAction(id: string): Promise<ActionResult> {
  const parsed = z.string().trim().min(1).max(64).safeParse(id);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await requireUser();
  const deleted = await deletePlaygroundResult({ userId: user.id, id: parsed.data });
  return deleted ? { ok: true, data: null } : { ok: false, error: "该记录不存在或已删除" };
}
