"use client";

import type { ReactNode } from "react";

import { getCapabilityDef } from "@/lib/capabilities/catalog";
import { useCallDetail } from "@/lib/query/use-call-detail";
import { Badge } from "@/components/ui/badge";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/skeleton";
import { formatBytes, formatDateTime, formatMs, formatNumber } from "@/components/format";

const STAGE_LABELS: Record<string, string> = {
  gateway: "网关（签名、限流、额度）",
  decode: "图片解码",
  queue: "排队",
  detection: "文字检测",
  recognition: "文字识别",
  metering: "计量",
};

const SETTLEMENT_LABELS: Record<string, string> = {
  restart: "服务重启时释放了预留额度",
  timeout: "请求超时，预留额度已释放",
  "settlement-failed": "结算失败，预留额度已释放",
};

/** One call: who, when, what was answered and why, per-image errors, bytes and time by stage. */
export function CallDetailDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { data, isPending, isError } = useCallDetail(id);
  return (
    <Dialog open={id !== null} onClose={onClose} title="调用详情" className="w-[min(640px,calc(100vw-2rem))]">
      {isError ? (
        <p role="alert" className="text-sm text-danger">
          调用详情加载失败
        </p>
      ) : isPending || !data ? (
        <Spinner />
      ) : (
        <div className="space-y-4 text-sm" data-testid="call-detail">
          {data.calls > 1 && (
            <p className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-800">
              这条记录合并了 {formatNumber(data.calls)}{" "}
              次相同的失败调用（同一应用、能力和状态码，失败调用超过记录速率时合并）；下面是最后一次的请求 ID、IP
              与原因，字节为合计，耗时为平均值。
            </p>
          )}
          <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2">
            <Item label="请求 ID">
              <span className="font-mono text-xs break-all">{data.requestId || "（未提供）"}</span>
            </Item>
            <Item label="时间">{formatDateTime(data.createdAt)}</Item>
            <Item label="客户端 IP">
              <span className="font-mono text-xs">{data.clientIp || "—"}</span>
            </Item>
            <Item label="应用">{data.appName ?? "已删除"}</Item>
            <Item label="能力">{getCapabilityDef(data.capabilityId).name}</Item>
            <Item label="HTTP / statusCode">
              <Badge tone={data.successful ? "success" : "danger"}>
                {data.httpStatus} · {data.statusCode}
              </Badge>
            </Item>
            {data.message && <Item label="message">{data.message}</Item>}
            {data.details && (
              <Item label="details">
                <span className="break-words" data-testid="call-detail-details">
                  {data.details}
                </span>
              </Item>
            )}
            {data.settlement && <Item label="结算">{SETTLEMENT_LABELS[data.settlement] ?? data.settlement}</Item>}
            <Item label="图片">
              {data.imageCount} 张：成功 {data.successCount}，失败 {data.failCount}；计费 {data.charged} 次
            </Item>
            <Item label="请求 / 响应">
              {formatBytes(data.requestBytes)} / {formatBytes(data.responseBytes)}
            </Item>
            <Item label="总耗时">{formatMs(data.latencyMs)}</Item>
          </dl>
          {Object.keys(data.stages).length > 0 && (
            <section>
              <h3 className="mb-1 text-xs font-medium text-muted">各阶段耗时（解码与识别按图片累加，可能超过总耗时）</h3>
              <ul className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs">
                {Object.entries(data.stages).map(([stage, ms]) => (
                  <li key={stage} className="flex justify-between gap-2">
                    <span>{STAGE_LABELS[stage] ?? stage}</span>
                    <span className="tabular-nums">{formatMs(ms)}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {data.imageErrors.length > 0 && (
            <section>
              <h3 className="mb-1 text-xs font-medium text-muted">失败的图片</h3>
              <ul className="space-y-1 text-xs" aria-label="失败的图片">
                {data.imageErrors.map((e) => (
                  <li key={e.index}>
                    第 {e.index + 1} 张：<span className="font-mono">{e.code}</span> {e.message}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </Dialog>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-xs text-muted">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
