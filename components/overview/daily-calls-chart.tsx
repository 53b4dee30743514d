"use client";

import type { UsagePoint } from "@/lib/data/usage";
import { TimeSeriesChart } from "@/components/ui/chart";
import { formatBucket } from "@/components/format";

export function DailyCallsChart({ points }: { points: UsagePoint[] }) {
  return (
    <TimeSeriesChart
      label="近 30 天每日调用量"
      data={points}
      config={{ success: { label: "成功", color: "#1f6feb" }, failed: { label: "失败", color: "#d93026" } }}
      keys={["success", "failed"]}
      kind="bar"
      stacked
      formatX={(b) => formatBucket(b, "day")}
    />
  );
}
