import type { Metadata } from "next";
import Link from "next/link";

import { requireUser } from "@/lib/auth/session";
import { CAPABILITIES, getCapabilityDef } from "@/lib/capabilities/catalog";
import { getQuotaSummary } from "@/lib/data/packs";
import { getOverviewStats } from "@/lib/data/usage";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/console/empty-state";
import { PageHeader } from "@/components/console/page-header";
import { formatDate, formatMs, formatNumber } from "@/components/format";
import { DailyCallsChart } from "@/components/overview/daily-calls-chart";

export const metadata: Metadata = { title: "总览" };

export default async function OverviewPage() {
  const user = await requireUser();
  const [stats, quota] = await Promise.all([getOverviewStats({ userId: user.id }), getQuotaSummary({ userId: user.id })]);
  const maxCalls = Math.max(1, ...stats.ranking.map((r) => r.calls));
  return (
    <>
      <PageHeader title="总览" description={`欢迎回来，${user.name || user.email}。以下为近 30 天的使用概况。`} />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[
          { label: "已开通能力", value: `${stats.openedCapabilities.length} / ${CAPABILITIES.length}` },
          { label: "应用数", value: formatNumber(stats.appCount) },
          { label: "近 30 天调用次数", value: formatNumber(stats.totalCalls30d) },
          { label: "平均响应时间", value: stats.totalCalls30d ? formatMs(stats.avgMs) : "—" },
        ].map((s) => (
          <Card key={s.label} className="px-5 py-4">
            <p className="text-xs text-muted">{s.label}</p>
            <p className="mt-1 text-2xl font-semibold tabular-nums">{s.value}</p>
          </Card>
        ))}
      </div>

      <div className="mt-4 grid gap-4 xl:grid-cols-3">
        <Card className="xl:col-span-2">
          <CardHeader
            title="调用趋势"
            description="近 30 天每日调用次数"
            actions={
              <Link href="/monitoring?range=30d" className="text-xs text-primary hover:underline">
                应用监控 →
              </Link>
            }
          />
          <CardBody>
            <DailyCallsChart points={stats.daily} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="能力调用排行榜" description="近 30 天调用次数" />
          <CardBody>
            {stats.totalCalls30d === 0 ? (
              <EmptyState title="暂无调用" description="在「在线体验」中试一试，或用 API 调用。" />
            ) : (
              <ol className="space-y-3" aria-label="能力调用排行榜">
                {stats.ranking.map((r, i) => (
                  <li key={r.capabilityId}>
                    <div className="flex items-center justify-between text-sm">
                      <span>
                        <span className="mr-2 inline-block w-4 text-center font-semibold text-muted">{i + 1}</span>
                        {getCapabilityDef(r.capabilityId).name}
                      </span>
                      <span className="text-xs text-muted tabular-nums">
                        {formatNumber(r.calls)} 次 · {r.calls ? formatMs(r.avgMs) : "—"}
                      </span>
                    </div>
                    <div className="mt-1 h-1.5 rounded bg-slate-100">
                      <div className="h-full rounded bg-primary" style={{ width: `${(r.calls / maxCalls) * 100}%` }} />
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </CardBody>
        </Card>
      </div>

      <Card className="mt-4">
        <CardHeader
          title="已开通能力与剩余额度"
          actions={
            <Link href="/packs" className="text-xs text-primary hover:underline">
              资源包 →
            </Link>
          }
        />
        <div className="grid divide-y divide-line md:grid-cols-4 md:divide-x md:divide-y-0">
          {CAPABILITIES.map((c) => {
            const q = quota.find((x) => x.capabilityId === c.id)!;
            const opened = stats.openedCapabilities.includes(c.id);
            return (
              <div key={c.id} className="px-5 py-4">
                <div className="flex items-center justify-between">
                  <p className="font-medium">{c.name}</p>
                  {opened ? <Badge tone="success">已开通</Badge> : <Badge>未开通</Badge>}
                </div>
                <p className="mt-3 text-xs text-muted">剩余额度</p>
                <p className="text-xl font-semibold tabular-nums">{!c.paid ? "限时免费" : `${formatNumber(q.remaining)} 次`}</p>
                <p className="mt-1 text-xs text-muted">
                  {!c.paid ? "开通即可使用" : q.nextExpiry ? `最近到期 ${formatDate(q.nextExpiry)}` : "暂无可用资源包"}
                </p>
                <div className="mt-3 flex gap-3 text-xs">
                  <Link href={`/playground/${c.id}`} className="text-primary hover:underline">
                    在线体验
                  </Link>
                  <Link href={opened ? `/capabilities/${c.id}/docs` : "/apps"} className="text-primary hover:underline">
                    {opened ? "API 文档" : "去开通"}
                  </Link>
                </div>
              </div>
            );
          })}
        </div>
      </Card>
    </>
  );
}
