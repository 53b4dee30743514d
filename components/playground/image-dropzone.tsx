"use client";

import { useEffect, useRef, useState, type DragEvent } from "react";
import { ImageUp } from "lucide-react";

import {
  PLAYGROUND_ACCEPT,
  PLAYGROUND_FORMATS_LABEL,
  PLAYGROUND_MAX_IMAGES,
  PLAYGROUND_MAX_PDF_PAGES,
  checkPlaygroundFile,
  checkPlaygroundPdf,
  isPdf,
} from "@/lib/validation/playground";
import { cn } from "@/components/ui/cn";

/**
 * Pictures by drag-and-drop, the file picker or pasting (Ctrl+V anywhere on the page); a PDF too
 * when `acceptPdf`. Checks size (≤ 2 MB) and the real format before anything is sent; the
 * playground appends what passes to the batch.
 */
export function ImageDropzone({
  onFiles,
  onPdf,
  onReject,
  disabled,
  acceptPdf = false,
}: {
  onFiles: (files: File[]) => void;
  onPdf?: (file: File) => void;
  onReject: (messages: string[]) => void;
  disabled?: boolean;
  acceptPdf?: boolean;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  async function accept(list: FileList | File[]) {
    const ok: File[] = [];
    const problems: string[] = [];
    for (const file of Array.from(list)) {
      const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
      if (acceptPdf && isPdf(head)) {
        const problem = checkPlaygroundPdf(file, head);
        if (problem) problems.push(problem);
        else onPdf?.(file);
        continue;
      }
      const problem = checkPlaygroundFile(file, head, { pdf: acceptPdf });
      if (problem) problems.push(problem);
      else ok.push(file);
    }
    onReject(problems);
    if (ok.length) onFiles(ok);
  }
  const acceptRef = useRef(accept);
  acceptRef.current = accept;

  // A screenshot on the clipboard: Ctrl+V anywhere on the page adds it (not while typing in a field).
  useEffect(() => {
    if (disabled) return;
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest("input, textarea, [contenteditable]")) return;
      const files = Array.from(e.clipboardData?.files ?? []);
      if (!files.length) return;
      e.preventDefault();
      void acceptRef.current(
        files.map((f, i) =>
          f.name && f.name !== "image.png" ? f : new File([f], `粘贴的图片-${Date.now()}-${i + 1}.png`, { type: f.type }),
        ),
      );
    };
    window.addEventListener("paste", onPaste);
    return () => window.removeEventListener("paste", onPaste);
  }, [disabled]);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (!disabled && e.dataTransfer.files.length) void accept(e.dataTransfer.files);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the file input inside it is the keyboard path
    <div
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="image-dropzone"
      className={cn(
        "flex flex-col items-center justify-center gap-2 rounded-md border-2 border-dashed px-6 py-6 text-center transition-colors",
        over ? "border-primary bg-primary-soft" : "border-slate-300 bg-slate-50/60",
        disabled && "opacity-60",
      )}
    >
      <ImageUp className="size-8 text-primary" aria-hidden />
      <p className="text-sm">
        将图片拖拽到此处、按 Ctrl+V 粘贴截图，或
        <button
          type="button"
          disabled={disabled}
          onClick={() => inputRef.current?.click()}
          className="mx-1 font-medium text-primary hover:underline"
        >
          点击上传
        </button>
      </p>
      <p className="text-xs text-muted">
        支持 {PLAYGROUND_FORMATS_LABEL} 格式{acceptPdf ? ` 与 PDF（不超过 ${PLAYGROUND_MAX_PDF_PAGES} 页）` : ""}，单个文件不超过 2
        MB，一次最多 {PLAYGROUND_MAX_IMAGES} 张，可多次添加
      </p>
      <input
        ref={inputRef}
        type="file"
        accept={acceptPdf ? `${PLAYGROUND_ACCEPT},.pdf,application/pdf` : PLAYGROUND_ACCEPT}
        multiple
        className="sr-only"
        aria-label="上传图片"
        disabled={disabled}
        onChange={(e) => {
          if (e.target.files?.length) void accept(e.target.files);
          e.target.value = "";
        }}
      />
    </div>
  );
}
