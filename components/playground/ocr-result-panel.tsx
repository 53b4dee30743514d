"use client";

import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { Download } from "lucide-react";

import type { ImageResult } from "@/lib/playground/normalize";
import { ErrorAlert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { Tabs } from "@/components/ui/tabs";

type View = "lines" | "fields" | "json";

function download(name: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Text list, field table and raw JSON of one image; hovering a row highlights its box and back. */
export function OcrResultPanel({
  result,
  raw,
  baseName,
  structured,
  activeId,
  onHover,
}: {
  result: ImageResult;
  raw: unknown;
  baseName: string;
  structured: boolean;
  activeId: string | null;
  onHover: (id: string | null) => void;
}) {
  const [view, setView] = useState<View>(structured ? "fields" : "lines");
  const listRef = useRef<HTMLDivElement>(null);
  const json = JSON.stringify(raw, null, 2);

  useEffect(() => {
    if (!activeId) return;
    listRef.current?.querySelector(`[data-overlay-id="${activeId}"]`)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  const items = [
    ...(structured ? [{ value: "fields" as const, label: "结构化字段" }] : []),
    { value: "lines" as const, label: structured ? "识别框" : `文字结果（${result.overlays.length} 行）` },
    { value: "json" as const, label: "原始 JSON" },
  ];

  return (
    <div className="flex h-full flex-col">
      <Tabs label="结果视图" value={view} onChange={setView} items={items} />
      <div className="mt-2 flex flex-wrap items-center justify-end gap-1">
        <div className="flex items-center gap-1">
          <CopyButton value={view === "json" ? json : result.text} label={view === "json" ? "复制 JSON" : "复制文本"} />
          <Button
            variant="ghost"
            size="sm"
            aria-label="下载 TXT"
            onClick={() => download(`${baseName}.txt`, result.text, "text/plain;charset=utf-8")}
          >
            <Download className="size-3.5" aria-hidden />
            TXT
          </Button>
          <Button variant="ghost" size="sm" aria-label="下载 JSON" onClick={() => download(`${baseName}.json`, json, "application/json")}>
            <Download className="size-3.5" aria-hidden />
            JSON
          </Button>
        </div>
      </div>
      {!result.ok && result.error && (
        <ErrorAlert className="mt-3">
          识别失败（{String(result.error.code)}）：{result.error.message || "未知错误"}
          {/5100[123]/.test(String(result.error.code)) && (
            <Link href="/packs" className="ml-1 text-primary hover:underline">
              去领取或购买资源包
            </Link>
          )}
          {/50002/.test(String(result.error.code)) && (
            <Link href="/apps" className="ml-1 text-primary hover:underline">
              去开通能力
            </Link>
          )}
        </ErrorAlert>
      )}
      {result.note && <p className="mt-3 text-xs text-muted">{result.note}</p>}
      <div ref={listRef} className="mt-2 max-h-[400px] min-h-40 flex-1 overflow-y-auto">
        {view === "json" && (
          <pre className="rounded bg-slate-900 p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap text-slate-100">{json}</pre>
        )}
        {view === "lines" &&
          (result.overlays.length === 0 ? (
            <p className="py-6 text-center text-sm text-muted">
              {result.ok ? (structured ? "该接口未返回字段位置" : "未识别到文字") : "无结果"}
            </p>
          ) : (
            <ol aria-label="识别结果列表" className="divide-y divide-line rounded border border-line">
              {result.overlays.map((o, i) => (
                <li
                  key={o.id}
                  data-overlay-id={o.id}
                  data-testid="ocr-line"
                  onMouseEnter={() => onHover(o.id)}
                  onMouseLeave={() => onHover(null)}
                  className={cn("flex items-start gap-2 px-3 py-2 text-sm transition-colors", o.id === activeId && "bg-primary-soft")}
                >
                  <span className="mt-0.5 w-5 shrink-0 text-right font-mono text-xs text-muted">{i + 1}</span>
                  <span className="flex-1 break-all">{o.text || <span className="text-muted">（空）</span>}</span>
                  {o.caption && (
                    <Badge tone="neutral" className="shrink-0" style={{ color: o.color }}>
                      {o.caption}
                    </Badge>
                  )}
                </li>
              ))}
            </ol>
          ))}
        {view === "fields" && (
          <table className="w-full border-collapse overflow-hidden rounded border border-line text-sm" aria-label="结构化字段">
            <tbody className="divide-y divide-line">
              {result.fields.map((f) => (
                <tr
                  key={f.key}
                  data-overlay-id={f.overlayId}
                  onMouseEnter={() => f.overlayId && onHover(f.overlayId)}
                  onMouseLeave={() => f.overlayId && onHover(null)}
                  className={cn(f.overlayId && f.overlayId === activeId && "bg-primary-soft")}
                >
                  <th scope="row" className="w-32 bg-slate-50 px-3 py-2 text-left font-normal whitespace-nowrap text-muted">
                    {f.label}
                  </th>
                  <td className="px-3 py-2 break-all">{f.value || <span className="text-slate-400">—</span>}</td>
                </tr>
              ))}
              {result.fields.length === 0 && (
                <tr>
                  <td className="px-3 py-6 text-center text-muted">无字段</td>
                </tr>
              )}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
