import type { CapabilityId } from "@/lib/capabilities/catalog";
import type { ExportDocument } from "@/lib/exports/document";
import { exportPageFromResponse } from "@/lib/exports/from-response";
import { resultElement, type ImageResult } from "@/lib/playground/normalize";
import type { PlaygroundCall } from "@/lib/playground/signed-client";

/** One picture (or rendered PDF page) of the playground's batch, from upload to result. */
export interface BatchItem {
  key: string;
  name: string;
  /** The picture itself: for exports (searchable PDF) and, via `url`, the preview. */
  blob: Blob | null;
  url: string;
  width: number;
  height: number;
  dpi?: number;
  status: "pending" | "running" | "done" | "failed";
  call?: Pick<PlaygroundCall, "requestId" | "httpStatus" | "response"> & { latencyMs?: number };
  result?: ImageResult;
  /** "text-layer": read from the PDF's own text, no API call. */
  source?: "api" | "text-layer";
  /** The recent-results row holding it (server-side). */
  savedId?: string;
  /** Why the run did not reach the API (validation, network). */
  error?: string;
}

export function toExportDocument(capabilityId: CapabilityId, title: string, items: BatchItem[]): ExportDocument {
  return {
    title,
    pages: items.map((item) =>
      exportPageFromResponse({
        capability: capabilityId,
        name: item.name,
        width: item.width,
        height: item.height,
        dpi: item.dpi,
        element: item.call ? resultElement(capabilityId, item.call.response) : null,
        error:
          item.error ??
          (item.result && !item.result.ok
            ? `识别失败（${item.result.error?.code}）：${item.result.error?.message}`
            : item.call
              ? undefined
              : "未识别"),
      }),
    ),
  };
}

/** The natural size of a picture the browser can show. */
export function imageSize(url: string): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => reject(new Error("图片无法显示"));
    img.src = url;
  });
}
