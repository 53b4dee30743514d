"use client";

import { useEffect, useRef, useState } from "react";
import Link from "next/link";

import type { ExportPage } from "@/lib/exports/document";
import { joinLines, pageBlocks, tableGrid } from "@/lib/exports/reading-order";
import type { ImageResult } from "@/lib/playground/normalize";
import { ErrorAlert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { Tabs } from "@/components/ui/tabs";

type View = "text" | "tables" | "lines" | "fields" | "json";

function GridTable({ grid, label }: { grid: string[][]; label: string }) {
  return (
    <table aria-label={label} className="w-full border-collapse text-sm">
      <tbody>
        {grid.map((row, r) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows of a fixed grid
          <tr key={r}>
            {row.map((cell, c) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed grid
              <td key={c} className="border border-line px-2 py-1 align-top">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One picture's result: the text in reading order (文本), its tables, the lines with their boxes,
 * the fields of a card or licence, the raw JSON; hovering a row highlights its box and back.
 */
export function OcrResultPanel({
  result,
  page,
  raw,
  structured,
  emptyMessage,
  activeId,
  onHover,
}: {
  result: ImageResult;
  /** The same result as an export page: paragraphs and tables (general OCR). */
  page: ExportPage | null;
  raw: unknown;
  structured: boolean;
  /** Set when the call succeeded and found nothing: says so and whether it was charged. */
  emptyMessage: string | null;
  activeId: string | null;
  onHover: (id: string | null) => void;
}) {
  const [view, setView] = useState<View>(structured ? "fields" : "text");
  const listRef = useRef<HTMLDivElement>(null);
  const json = JSON.stringify(raw, null, 2);

  useEffect(() => {
    if (!activeId) return;
    listRef.current?.querySelector(`[data-overlay-id="${activeId}"]`)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  const blocks = page && !structured ? pageBlocks(page) : [];
  const readingText = blocks
    .map((b) =>
      b.kind === "paragraph"
        ? joinLines(b.lines)
        : tableGrid(b.table)
            .map((r) => r.join("\t"))
            .join("\n"),
    )
    .join("\n\n");
  const tables = page?.tables ?? [];
  const items = [
    ...(structured ? [{ value: "fields" as const, label: "结构化字段" }] : [{ value: "text" as const, label: "文本" }]),
    ...(tables.length ? [{ value: "tables" as const, label: `表格（${tables.length}）` }] : []),
    { value: "lines" as const, label: structured ? "识别框" : `文字行（${result.overlays.length} 行）` },
    { value: "json" as const, label: "原始 JSON" },
  ];

  return (
    <div className="flex h-full flex-col">
      <Tabs label="结果视图" value={view} onChange={setView} items={items} />
      <div className="mt-2 flex flex-wrap items-center justify-end gap-1">
        <CopyButton
          value={view === "json" ? json : view === "text" ? readingText : result.text}
          label={view === "json" ? "复制 JSON" : "复制文本"}
        />
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
      {emptyMessage ? (
        <p
          role="status"
          data-testid="empty-result"
          className="mt-3 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {emptyMessage}
        </p>
      ) : (
        result.note && <p className="mt-3 text-xs text-muted">{result.note}</p>
      )}
      <div ref={listRef} className="mt-2 max-h-[400px] min-h-40 flex-1 overflow-y-auto">
        {view === "text" &&
          (blocks.length === 0 ? (
            <p className="py-6 text-center text-sm text-muted">{result.ok ? "未识别到文字" : "无结果"}</p>
          ) : (
            <div data-testid="reading-text" className="space-y-3 rounded border border-line p-3 text-sm leading-relaxed">
              {blocks.map((b, i) =>
                b.kind === "paragraph" ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: blocks of one result, in order
                  <p key={i} className="break-all">
                    {joinLines(b.lines)}
                  </p>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: blocks of one result, in order
                  <GridTable key={i} grid={tableGrid(b.table)} label={`表格 ${i + 1}`} />
                ),
              )}
            </div>
          ))}
        {view === "tables" && (
          <div className="space-y-3">
            {tables.map((t, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: tables of one result, in order
              <GridTable key={i} grid={tableGrid(t)} label={`表格 ${i + 1}`} />
            ))}
          </div>
        )}
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
