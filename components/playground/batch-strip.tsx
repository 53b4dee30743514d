"use client";

import { Check, Clock, FileText, Loader2, X } from "lucide-react";

import { cn } from "@/components/ui/cn";
import type { BatchItem } from "./batch-item";

const STATUS: Record<BatchItem["status"], string> = { pending: "待识别", running: "识别中", done: "已完成", failed: "失败" };

/** The batch as thumbnails with their names, each picture's progress, and a remove button. */
export function BatchStrip({
  items,
  selected,
  onSelect,
  onRemove,
  disabled,
}: {
  items: BatchItem[];
  selected: number;
  onSelect: (index: number) => void;
  onRemove: (key: string) => void;
  disabled: boolean;
}) {
  if (items.length === 0) return null;
  return (
    <ul aria-label="待识别图片" className="flex max-h-64 flex-wrap gap-2 overflow-y-auto">
      {items.map((item, i) => (
        <li key={item.key} data-testid="batch-item" data-status={item.status} className="relative w-24">
          <button
            type="button"
            onClick={() => onSelect(i)}
            aria-pressed={i === selected}
            aria-label={`查看第 ${i + 1} 张：${item.name}（${STATUS[item.status]}）`}
            className={cn("block w-full overflow-hidden rounded border-2 text-left", i === selected ? "border-primary" : "border-line")}
          >
            <span className="relative block h-16 bg-slate-50">
              {item.url ? (
                // biome-ignore lint/performance/noImgElement: a local object URL, which next/image cannot optimise
                <img src={item.url} alt="" className="size-full object-cover" />
              ) : (
                <FileText className="absolute inset-0 m-auto size-6 text-slate-300" aria-hidden />
              )}
              <span
                className={cn(
                  "absolute inset-x-0 bottom-0 flex items-center justify-center gap-0.5 text-[10px] text-white",
                  item.status === "done" && "bg-emerald-600/90",
                  item.status === "failed" && "bg-danger",
                  item.status === "running" && "bg-primary",
                  item.status === "pending" && "bg-slate-500/80",
                )}
              >
                {item.status === "running" && <Loader2 className="size-2.5 animate-spin" aria-hidden />}
                {item.status === "done" && <Check className="size-2.5" aria-hidden />}
                {item.status === "pending" && <Clock className="size-2.5" aria-hidden />}
                {STATUS[item.status]}
              </span>
            </span>
            <span className="block truncate px-1 py-0.5 text-[11px]" title={item.name}>
              {item.name}
            </span>
          </button>
          <button
            type="button"
            disabled={disabled}
            onClick={() => onRemove(item.key)}
            aria-label={`移除：${item.name}`}
            className="absolute -top-1.5 -right-1.5 rounded-full border border-line bg-white p-0.5 text-muted shadow-sm hover:text-danger"
          >
            <X className="size-3" aria-hidden />
          </button>
        </li>
      ))}
    </ul>
  );
}
