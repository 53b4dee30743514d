"use client";

import { useEffect, useState } from "react";

import { getCapabilityDef, type CapabilityId } from "@/lib/capabilities/catalog";
import { useCallLogs } from "@/lib/query/use-call-logs";
import { CALL_LOG_PAGE_SIZES, type UsageRange } from "@/lib/validation/usage-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { Spinner } from "@/components/ui/skeleton";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { EmptyState } from "@/components/console/empty-state";
import { formatBytes, formatDateTime, formatNumber } from "@/components/format";
import type { MonitoringFilterOptions } from "./monitoring-dashboard";

export function CallLogTable({
  appId,
  capabilityId,
  range,
}: {
  options: MonitoringFilterOptions;
  appId?: string;
  capabilityId?: CapabilityId;
  range: UsageRange;
}) {
  const [status, setStatus] = useState<"" | "success" | "failure">("");
  const [requestId, setRequestId] = useState("");
  const [search, setSearch] = useState("");
  const [pageSize, setPageSize] = useState<number>(20);
  // Keyset pages: the page is a cursor and a direction from the server's answer; the number is only shown.
  const [at, setAt] = useState<{ cursor?: string; direction: "next" | "prev"; page: number }>({ direction: "next", page: 1 });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the dependencies are the trigger: any filter change returns to page 1
  useEffect(() => setAt({ direction: "next", page: 1 }), [appId, capabilityId, range, status, search, pageSize]);
  const { data, isPending, isError } = useCallLogs({
    appId,
    capabilityId,
    range,
    status: status || undefined,
    requestId: search || undefined,
    pageSize,
    cursor: at.cursor,
    direction: at.direction,
  });
  const page = data?.prevCursor === null ? 1 : at.page;

  return (
    <Card>
      <CardHeader
        title="调用日志"
        description="每次 API 调用（含失败）一条记录"
        actions={
          <form
            className="flex items-center gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              setSearch(requestId.trim());
            }}
          >
            <Select aria-label="调用状态" value={status} onChange={(e) => setStatus(e.target.value as typeof status)} className="w-28">
              <option value="">全部状态</option>
              <option value="success">成功</option>
              <option value="failure">失败</option>
            </Select>
            <Input
              aria-label="请求 ID"
              placeholder="按请求 ID 搜索"
              value={requestId}
              onChange={(e) => setRequestId(e.target.value)}
              className="w-56"
            />
            <Button type="submit" variant="secondary">
              查询
            </Button>
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
        <EmptyState title="暂无调用记录" description="在「在线体验」中识别一张图片，或用 API 调用后在此查看。" />
      ) : (
        <Table aria-label="调用日志">
          <THead>
            <tr>
              <Th>时间</Th>
              <Th>请求 ID</Th>
              <Th>应用</Th>
              <Th>能力</Th>
              <Th className="text-right">图片数</Th>
              <Th>状态码</Th>
              <Th className="text-right">耗时</Th>
              <Th className="text-right">请求 / 响应</Th>
            </tr>
          </THead>
          <TBody>
            {data.rows.map((r) => {
              const ok = r.httpStatus < 300 && r.statusCode === 0;
              return (
                <Tr key={r.id} data-testid="call-log-row">
                  <Td className="text-xs whitespace-nowrap">{formatDateTime(r.createdAt)}</Td>
                  <Td className="font-mono text-xs">{r.requestId}</Td>
                  <Td className="text-xs">{r.appName ?? <span className="text-muted">已删除</span>}</Td>
                  <Td className="text-xs whitespace-nowrap">{getCapabilityDef(r.capabilityId).name}</Td>
                  <Td className="text-right text-xs tabular-nums">
                    {r.imageCount}
                    {r.failCount > 0 && <span className="text-danger">（失败 {r.failCount}）</span>}
                  </Td>
                  <Td className="whitespace-nowrap">
                    <Badge tone={ok ? "success" : "danger"}>
                      {r.httpStatus} · {r.statusCode}
                    </Badge>
                  </Td>
                  <Td className="text-right text-xs tabular-nums">{formatNumber(r.latencyMs)} ms</Td>
                  <Td className="text-right text-xs whitespace-nowrap tabular-nums">
                    {formatBytes(r.requestBytes)} / {formatBytes(r.responseBytes)}
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
      {data && data.total > 0 && (
        <nav aria-label="分页" className="flex items-center justify-end gap-2 border-t border-line px-5 py-3 text-xs text-muted">
          <span>{data.totalCapped ? `超过 ${formatNumber(data.total)} 条` : `共 ${formatNumber(data.total)} 条`}</span>
          <Select aria-label="每页条数" value={pageSize} onChange={(e) => setPageSize(Number(e.target.value))} className="h-7 w-24 text-xs">
            {CALL_LOG_PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n} 条/页
              </option>
            ))}
          </Select>
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
    </Card>
  );
}
