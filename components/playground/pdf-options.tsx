"use client";

import { FileText } from "lucide-react";

import type { PdfInfo } from "@/lib/playground/pdf-pages";
import { PLAYGROUND_PDF_DPI } from "@/lib/validation/playground";
import { Input, Select } from "@/components/ui/input";

export interface PendingPdf {
  file: File;
  info: PdfInfo;
  /** "1-3,5"; empty: every page. */
  range: string;
  dpi: number;
  useTextLayer: boolean;
}

/** A chosen PDF before it runs: page range, rendering DPI, and whether text-layer pages skip OCR. */
export function PdfOptions({ pdf, onChange, disabled }: { pdf: PendingPdf; onChange: (pdf: PendingPdf) => void; disabled: boolean }) {
  const textPages = pdf.info.textPages.length;
  return (
    <fieldset
      data-testid="pdf-options"
      disabled={disabled}
      className="space-y-2 rounded border border-line bg-slate-50/60 px-4 py-3 text-sm"
    >
      <legend className="flex items-center gap-1.5 px-1 font-medium">
        <FileText className="size-4 text-primary" aria-hidden />
        {pdf.file.name}
      </legend>
      <p className="text-xs text-muted">
        共 {pdf.info.pages} 页{textPages ? `，其中 ${textPages} 页自带文字层` : "，均无文字层（扫描件）"}
        。每页在服务器上渲染为图片，按一次调用识别并计费。
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-1.5">
          页码范围
          <Input
            aria-label="页码范围"
            className="h-8 w-36"
            placeholder={`全部（1-${pdf.info.pages}）`}
            value={pdf.range}
            onChange={(e) => onChange({ ...pdf, range: e.target.value })}
          />
        </label>
        <label className="flex items-center gap-1.5">
          分辨率
          <Select
            aria-label="分辨率"
            className="h-8 w-auto py-0"
            value={pdf.dpi}
            onChange={(e) => onChange({ ...pdf, dpi: Number(e.target.value) })}
          >
            {PLAYGROUND_PDF_DPI.map((d) => (
              <option key={d} value={d}>
                {d} DPI
              </option>
            ))}
          </Select>
        </label>
        {textPages > 0 && (
          <label className="flex items-center gap-1.5">
            <input type="checkbox" checked={pdf.useTextLayer} onChange={(e) => onChange({ ...pdf, useTextLayer: e.target.checked })} />
            自带文字层的页面直接读取文字，不调用接口、不计费
          </label>
        )}
      </div>
    </fieldset>
  );
}
