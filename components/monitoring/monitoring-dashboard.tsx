"use client";

import { useMemo } from "react";
import { useSearchParams } from "next/navigation";
import { RefreshCw } from "lucide-react";
import { useQueryClient } from "@tanstack/react-query";

import type { CapabilityId } from "@/lib/capabilities/catalog";
import { useUsageSeries } from "@/lib/query/use-usage-series";
import type { UsageRange } from "@/lib/validation/usage-query";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { TimeSeriesChart, type ChartConfig } from "@/components/ui/chart";
import { Select } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Segmented } from "@/components/ui/tabs";
import { formatAxisBytes, formatAxisMs, formatBucket, formatBytes, formatMs, formatNumber } from "@/components/format";
import { CallLogTable } from "./call-log-table";
import { type MonitoringFilters, monitoringSearch, parseMonitoringFilters } from "./monitoring-filters";

export interface MonitoringFilterOptions {
  apps: { id: string; name: string }[];
  capabilities: { id: CapabilityId; name: string }[];
}

const RANGES: { value: UsageRange; label: string }[] = [
  { value: "24h", label: "近 24 小时" },
  { value: "7d", label: "近 7 天" },
  { value: "30d", label: "近 30 天" },
];

const CALLS: ChartConfig = { success: { label: "成功", color: "#12a150" }, failed: { label: "失败", color: "#d93026" } };
const LATENCY: ChartConfig = { avgMs: { label: "平均响应时间", color: "#1f6feb" }, p95Ms: { label: "P95 响应时间", color: "#f59e0b" } };
const TRAFFIC: ChartConfig = {
  requestBytes: { label: "请求流量", color: "#6366f1" },
  responseBytes: { label: "响应流量", color: "#14b8a6" },
};

/** The filters are the URL's (shareable, kept over a reload); changing one replaces the history entry. */
function useMonitoringFilters(appIds: string[]) {
  const searchParams = useSearchParams();
  const search = searchParams.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the query string is the dependency
  const filters = useMemo(() => parseMonitoringFilters(new URLSearchParams(search), appIds), [search, appIds.join()]);
  const update = (patch: Partial<MonitoringFilters>) => {
    // Next keeps useSearchParams in step with history.replaceState, without a server round trip.
    window.history.replaceState(null, "", `${window.location.pathname}${monitoringSearch({ ...filters, ...patch })}`);
  };
  return [filters, update] as const;
}

export function MonitoringDashboard({ options }: { options: MonitoringFilterOptions }) {
  const queryClient = useQueryClient();
  const [filters, update] = useMonitoringFilters(options.apps.map((a) => a.id));
  const { range, appId, capabilityId } = filters;
  const query = { range, appId, capabilityId };
  const { data, isPending, isError, isFetching } = useUsageSeries(query);
  const formatX = (b: string) => formatBucket(b, data?.unit ?? "hour");
  const t = data?.totals;

  const stats = [
    { label: "请求次数", value: t ? formatNumber(t.calls) : "—" },
    { label: "成功 / 失败", value: t ? `${formatNumber(t.success)} / ${formatNumber(t.failed)}` : "—" },
    { label: "平均响应时间", value: t?.avgMs != null ? formatMs(t.avgMs) : "—" },
    { label: "P95 响应时间", value: t?.p95Ms != null ? formatMs(t.p95Ms) : "—" },
    { label: "请求流量", value: t ? formatBytes(t.requestBytes) : "—" },
    { label: "识别图片数", value: t ? formatNumber(t.images) : "—" },
  ];

  return (
    <div className="space-y-4">
      <Card>
        <CardBody className="flex flex-wrap items-end gap-3">
          <FilterSelect
            label="应用"
            allLabel="全部应用"
            value={appId ?? ""}
            onChange={(v) => update({ appId: v || undefined })}
            items={options.apps}
            className="w-48"
          />
          <FilterSelect
            label="能力"
            allLabel="全部能力"
            value={capabilityId ?? ""}
            onChange={(v) => update({ capabilityId: (v || undefined) as CapabilityId | undefined })}
            items={options.capabilities}
            className="w-44"
          />
          <Segmented label="时间范围" value={range} onChange={(r: UsageRange) => update({ range: r })} items={RANGES} />
          <Button variant="secondary" className="ml-auto" loading={isFetching} onClick={() => queryClient.invalidateQueries()}>
            {!isFetching && <RefreshCw className="size-3.5" aria-hidden />}
            刷新
          </Button>
        </CardBody>
      </Card>

      {isError && <ErrorAlert>监控数据加载失败，请稍后重试。</ErrorAlert>}

      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {stats.map((s) => (
          <Card key={s.label} className="px-4 py-3">
            <p className="text-xs text-muted">{s.label}</p>
            {isPending ? (
              <Skeleton className="mt-1.5 h-6 w-20" />
            ) : (
              <p className="mt-1 text-lg font-semibold tabular-nums" data-testid={`stat-${s.label}`}>
                {s.value}
              </p>
            )}
          </Card>
        ))}
      </div>

      <div className="grid gap-4 xl:grid-cols-2">
        <Card>
          <CardHeader title="请求次数" description="成功与失败的调用次数" />
          <CardBody>
            {data ? (
              <TimeSeriesChart
                label="请求次数图表"
                data={data.points}
                config={CALLS}
                keys={["success", "failed"]}
                kind="bar"
                stacked
                formatX={formatX}
              />
            ) : (
              <Skeleton className="h-64" />
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="响应时间" description="平均与 P95 响应时间；没有调用的时段不画点" />
          <CardBody>
            {data ? (
              <TimeSeriesChart
                label="响应时间图表"
                data={data.points}
                config={LATENCY}
                keys={["avgMs", "p95Ms"]}
                formatX={formatX}
                formatY={formatAxisMs}
                formatValue={formatMs}
              />
            ) : (
              <Skeleton className="h-64" />
            )}
          </CardBody>
        </Card>
        <Card className="xl:col-span-2">
          <CardHeader title="请求流量" description="请求体与响应体字节数" />
          <CardBody>
            {data ? (
              <TimeSeriesChart
                label="请求流量图表"
                data={data.points}
                config={TRAFFIC}
                keys={["requestBytes", "responseBytes"]}
                kind="bar"
                formatX={formatX}
                formatY={formatAxisBytes}
                formatValue={formatBytes}
              />
            ) : (
              <Skeleton className="h-64" />
            )}
          </CardBody>
        </Card>
      </div>

      <CallLogTable filters={filters} onChange={update} />
    </div>
  );
}

/** A labelled filter whose empty value means "all". */
function FilterSelect({
  label,
  allLabel,
  value,
  onChange,
  items,
  className,
}: {
  label: string;
  allLabel: string;
  value: string;
  onChange: (value: string) => void;
  items: readonly { id: string; name: string }[];
  className: string;
}) {
  return (
    // The width sits on the label: field styles are w-full, and a second width class would not win.
    <label className={`block space-y-1 text-xs text-muted ${className}`}>
      <span className="block">{label}</span>
      <Select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {items.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </Select>
    </label>
  );
}
