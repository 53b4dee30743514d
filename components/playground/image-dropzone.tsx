"use client";

import { useRef, useState, type DragEvent } from "react";
import { ImageUp } from "lucide-react";

import { PLAYGROUND_ACCEPT, PLAYGROUND_FORMATS_LABEL, PLAYGROUND_MAX_IMAGES, checkPlaygroundFile } from "@/lib/validation/playground";
import { cn } from "@/components/ui/cn";

/** Drag-and-drop or click upload. Checks size (≤ 2 MB) and the real format before anything is sent. */
export function ImageDropzone({
  onFiles,
  onReject,
  disabled,
  multiple = true,
}: {
  onFiles: (files: File[]) => void;
  onReject: (messages: string[]) => void;
  disabled?: boolean;
  multiple?: boolean;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  async function accept(list: FileList | File[]) {
    const files = Array.from(list).slice(0, multiple ? PLAYGROUND_MAX_IMAGES : 1);
    const ok: File[] = [];
    const problems: string[] = [];
    for (const file of files) {
      const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
      const problem = checkPlaygroundFile(file, head);
      if (problem) problems.push(problem);
      else ok.push(file);
    }
    if (list.length > files.length) problems.push(`一次最多上传 ${multiple ? PLAYGROUND_MAX_IMAGES : 1} 张图片，多余的已忽略`);
    onReject(problems);
    if (ok.length) onFiles(ok);
  }

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
        "flex flex-col items-center justify-center gap-2 rounded-md border-2 border-dashed px-6 py-8 text-center transition-colors",
        over ? "border-primary bg-primary-soft" : "border-slate-300 bg-slate-50/60",
        disabled && "opacity-60",
      )}
    >
      <ImageUp className="size-8 text-primary" aria-hidden />
      <p className="text-sm">
        将图片拖拽到此处，或
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
        支持 {PLAYGROUND_FORMATS_LABEL} 格式，单张不超过 2 MB{multiple ? `，一次最多 ${PLAYGROUND_MAX_IMAGES} 张` : ""}
      </p>
      <input
        ref={inputRef}
        type="file"
        accept={PLAYGROUND_ACCEPT}
        multiple={multiple}
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
