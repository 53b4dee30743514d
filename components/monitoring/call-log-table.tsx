"use client";

import { useEffect, useState } from "react";
import { Download } from "lucide-react";

import { getCapabilityDef } from "@/lib/capabilities/catalog";
import { useCallLogs } from "@/lib/query/use-call-logs";
import { toSearch } from "@/lib/query/fetcher";
import { CALL_LOG_PAGE_SIZES } from "@/lib/validation/usage-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { Spinner } from "@/components/ui/skeleton";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { EmptyState } from "@/components/console/empty-state";
import { formatBytes, formatDateTime, formatNumber } from "@/components/format";
import { CallDetailDialog } from "./call-detail-dialog";
import { isFiltered, type MonitoringFilters } from "./monitoring-filters";

export function CallLogTable({ filters, onChange }: { filters: MonitoringFilters; onChange: (patch: Partial<MonitoringFilters>) => void }) {
  const { appId, capabilityId, range, status, requestId, pageSize } = filters;
  // The search box is typed into freely; the URL (and the query) change on 查询.
  const [typed, setTyped] = useState(requestId ?? "");
  useEffect(() => setTyped(requestId ?? ""), [requestId]);
  const [detailId, setDetailId] = useState<string | null>(null);
  // Keyset pages: the page is a cursor and a direction from the server's answer; the number is only shown.
  const [at, setAt] = useState<{ cursor?: string; direction: "next" | "prev"; page: number }>({ direction: "next", page: 1 });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the dependencies are the trigger: any filter change returns to page 1
  useEffect(() => setAt({ direction: "next", page: 1 }), [appId, capabilityId, range, status, requestId, pageSize]);
  const { data, isPending, isError } = useCallLogs({
    appId,
    capabilityId,
    range,
    status,
    requestId,
    pageSize,
    cursor: at.cursor,
    direction: at.direction,
  });
  const page = data?.prevCursor === null ? 1 : at.page;
  const exportHref = `/api/console/call-logs/export${toSearch({ range, appId, capabilityId, status, requestId })}`;

  return (
    <Card>
      <CardHeader
        title="调用日志"
        description="每次 API 调用（含签名、限流等失败）一条记录；点击请求 ID 查看详情"
        actions={
          <form
            className="flex flex-wrap items-center gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              onChange({ requestId: typed.trim() || undefined });
            }}
          >
            <Select
              aria-label="调用状态"
              value={status ?? ""}
              onChange={(e) => onChange({ status: (e.target.value || undefined) as MonitoringFilters["status"] })}
              className="w-28"
            >
              <option value="">全部状态</option>
              <option value="success">成功</option>
              <option value="failure">失败</option>
            </Select>
            <Input
              aria-label="请求 ID"
              placeholder="按请求 ID 搜索"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              className="w-56"
            />
            <Button type="submit" variant="secondary">
              查询
            </Button>
            <a
              href={exportHref}
              download
              className="inline-flex h-8 items-center gap-1.5 rounded border border-line bg-white px-3.5 text-sm font-medium whitespace-nowrap text-ink hover:border-primary hover:text-primary"
            >
              <Download className="size-3.5" aria-hidden />
              导出 CSV
            </a>
          </form>
        }
      />
      {isError ? (
        <p role="alert" className="px-5 py-6 text-sm text-danger">
          调用日志加载失败
        </p>
      ) : isPending ? (
        <Spinner />
      ) : data.rows.length === 0 ? (
        isFiltered(filters) ? (
          <EmptyState
            title="没有符合条件的记录"
            description="当前时间范围内没有符合筛选条件（应用、能力、状态或请求 ID）的调用。"
            action={
              <Button
                variant="secondary"
                size="sm"
                onClick={() => onChange({ appId: undefined, capabilityId: undefined, status: undefined, requestId: undefined })}
              >
                清除筛选
              </Button>
            }
          />
        ) : (
          <EmptyState title="暂无调用记录" description="在「在线体验」中识别一张图片，或用 API 调用后在此查看。" />
        )
      ) : (
        <Table aria-label="调用日志">
          <THead>
            <tr>
              <Th>时间</Th>
              <Th>请求 ID</Th>
              <Th>应用</Th>
              <Th>能力</Th>
              <Th className="text-right">图片数</Th>
              <Th>状态</Th>
              <Th className="text-right">耗时</Th>
              <Th className="text-right">请求 / 响应</Th>
            </tr>
          </THead>
          <TBody>
            {data.rows.map((r) => (
              <Tr key={r.id} data-testid="call-log-row" className="cursor-pointer" onClick={() => setDetailId(r.id)}>
                <Td className="text-xs whitespace-nowrap">{formatDateTime(r.createdAt)}</Td>
                <Td className="font-mono text-xs">
                  <button
                    type="button"
                    className="max-w-64 truncate text-left text-primary hover:underline"
                    title="查看调用详情"
                    onClick={(e) => {
                      e.stopPropagation();
                      setDetailId(r.id);
                    }}
                  >
                    {r.requestId || "（无请求 ID）"}
                  </button>
                  {r.calls > 1 && <span className="ml-1 text-muted">（合并 {formatNumber(r.calls)} 次）</span>}
                </Td>
                <Td className="text-xs">{r.appName ?? <span className="text-muted">已删除</span>}</Td>
                <Td className="text-xs whitespace-nowrap">{getCapabilityDef(r.capabilityId).name}</Td>
                <Td className="text-right text-xs tabular-nums">
                  {r.imageCount}
                  {r.failCount > 0 && <span className="text-danger">（失败 {r.failCount}）</span>}
                </Td>
                <Td className="max-w-72">
                  <Badge tone={r.successful ? "success" : "danger"}>
                    {r.httpStatus} · {r.statusCode}
                  </Badge>
                  {r.details && (
                    <p className="mt-0.5 truncate text-xs text-muted" title={r.details}>
                      {r.details}
                    </p>
                  )}
                </Td>
                <Td className="text-right text-xs whitespace-nowrap tabular-nums">{formatNumber(r.latencyMs)} ms</Td>
                <Td className="text-right text-xs whitespace-nowrap tabular-nums">
                  {formatBytes(r.requestBytes)} / {formatBytes(r.responseBytes)}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {data && data.total > 0 && (
        <nav
          aria-label="分页"
          data-testid="call-log-pagination"
          className="flex flex-wrap items-center justify-end gap-x-3 gap-y-2 border-t border-line px-5 py-3 text-xs whitespace-nowrap text-muted"
        >
          <span>{data.totalCapped ? `超过 ${formatNumber(data.total)} 条` : `共 ${formatNumber(data.total)} 条`}</span>
          {/* The field styles are w-full: the wrapper gives the select its width. */}
          <div className="w-28 shrink-0">
            <Select
              aria-label="每页条数"
              value={pageSize}
              onChange={(e) => onChange({ pageSize: Number(e.target.value) })}
              className="h-7 text-xs"
            >
              {CALL_LOG_PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n} 条/页
                </option>
              ))}
            </Select>
          </div>
          <Button
            variant="secondary"
            size="sm"
            disabled={!data.prevCursor}
            onClick={() => setAt({ cursor: data.prevCursor ?? undefined, direction: "prev", page: Math.max(1, page - 1) })}
          >
            上一页
          </Button>
          <span>第 {page} 页</span>
          <Button
            variant="secondary"
            size="sm"
            disabled={!data.nextCursor}
            onClick={() => setAt({ cursor: data.nextCursor ?? undefined, direction: "next", page: page + 1 })}
          >
            下一页
          </Button>
        </nav>
      )}
      <CallDetailDialog id={detailId} onClose={() => setDetailId(null)} />
    </Card>
  );
}
