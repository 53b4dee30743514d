"use client";

import { useState } from "react";
import { Download } from "lucide-react";

import type { CapabilityId } from "@/lib/capabilities/catalog";
import { buildCsv, buildJson, buildMarkdown, buildTxt } from "@/lib/exports/text";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { type BatchItem, toExportDocument } from "./batch-item";

type Format = "txt" | "md" | "json" | "csv" | "docx" | "xlsx" | "pdf";

const FORMATS: { id: Format; label: string; general: boolean; structured: boolean }[] = [
  { id: "txt", label: "TXT", general: true, structured: true },
  { id: "md", label: "Markdown", general: true, structured: true },
  { id: "json", label: "JSON", general: true, structured: true },
  { id: "csv", label: "CSV（字段）", general: false, structured: true },
  { id: "docx", label: "Word", general: true, structured: true },
  { id: "xlsx", label: "Excel", general: true, structured: true },
  { id: "pdf", label: "可搜索 PDF", general: true, structured: false },
];

function save(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** pdf-lib takes JPEG and PNG; a BMP is re-encoded as PNG in the browser before it is sent. */
async function jpegOrPng(blob: Blob): Promise<Blob> {
  const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
  if (head[0] !== 0x42 || head[1] !== 0x4d) return blob;
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext("2d")?.drawImage(bitmap, 0, 0);
  return canvas.convertToBlob({ type: "image/png" });
}

/** Exports the current picture or the whole batch (PDF pages included) in every format. */
export function ExportMenu({
  capabilityId,
  title,
  items,
  current,
}: {
  capabilityId: CapabilityId;
  /** File name stem (Chinese is fine), e.g. 「g010」 or 「通用型OCR-识别结果-3张」. */
  title: { one: string; all: string };
  items: BatchItem[];
  current: BatchItem | undefined;
}) {
  const [scope, setScope] = useState<"all" | "one">("all");
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);
  const structured = capabilityId !== "general";
  const chosen = scope === "one" && current ? [current] : items.filter((i) => i.call || i.error);
  const name = scope === "one" ? title.one : title.all;

  async function run(format: Format) {
    setError(null);
    const doc = toExportDocument(capabilityId, name, chosen);
    if (format === "txt") return save(`${name}.txt`, new Blob([buildTxt(doc)], { type: "text/plain;charset=utf-8" }));
    if (format === "md") return save(`${name}.md`, new Blob([buildMarkdown(doc)], { type: "text/markdown;charset=utf-8" }));
    if (format === "csv") return save(`${name}.csv`, new Blob([buildCsv(doc)], { type: "text/csv;charset=utf-8" }));
    if (format === "json")
      return save(
        `${name}.json`,
        new Blob(
          [
            buildJson(
              doc,
              chosen.map((i) => i.call?.response ?? null),
            ),
          ],
          { type: "application/json" },
        ),
      );
    setBusy(format);
    try {
      const form = new FormData();
      form.set("document", JSON.stringify(doc));
      if (format === "pdf")
        for (const [i, item] of chosen.entries()) {
          // A recent result's picture is on the server: fetch it back for the page image.
          const blob = item.blob ?? (item.url ? await fetch(item.url).then((r) => (r.ok ? r.blob() : null)) : null);
          if (blob) form.set(`image-${i}`, await jpegOrPng(blob), `page-${i}`);
        }
      const res = await fetch(`/api/console/playground-export?format=${format}`, { method: "POST", body: form });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string } | null;
        setError(body?.message ?? `导出失败（HTTP ${res.status}）`);
        return;
      }
      save(`${name}.${format}`, await res.blob());
    } catch {
      setError("导出失败：网络中断，请重试");
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="space-y-1.5">
      <fieldset className="flex flex-wrap items-center gap-1">
        <legend className="float-left mr-1 text-xs text-muted">导出</legend>
        <Select
          aria-label="导出范围"
          className="h-7 w-auto py-0 text-xs"
          value={scope}
          onChange={(e) => setScope(e.target.value as "all" | "one")}
        >
          <option value="all">全部 {items.filter((i) => i.call || i.error).length} 张</option>
          <option value="one">当前图片</option>
        </Select>
        {FORMATS.filter((f) => (structured ? f.structured : f.general)).map((f) => (
          <Button
            key={f.id}
            variant="ghost"
            size="sm"
            aria-label={`下载 ${f.label}`}
            loading={busy === f.id}
            disabled={busy !== null || chosen.length === 0}
            onClick={() => void run(f.id)}
          >
            {busy !== f.id && <Download className="size-3.5" aria-hidden />}
            {f.label}
          </Button>
        ))}
      </fieldset>
      {error && (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
