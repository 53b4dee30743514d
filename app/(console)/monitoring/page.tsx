import type { Metadata } from "next";

import { requireUser } from "@/lib/auth/session";
import { CAPABILITIES } from "@/lib/capabilities/catalog";
import { listApps } from "@/lib/data/apps";
import { usageQuerySchema } from "@/lib/validation/usage-query";
import { PageHeader } from "@/components/console/page-header";
import { MonitoringDashboard } from "@/components/monitoring/monitoring-dashboard";

export const metadata: Metadata = { title: "应用监控" };

export default async function MonitoringPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const apps = await listApps({ userId: user.id });
  const sp = await searchParams;
  const parsed = usageQuerySchema.safeParse({ range: sp.range, appId: sp.appId, capabilityId: sp.capabilityId });
  const initial = parsed.success ? parsed.data : { range: "24h" as const };
  // Only preselect an app the user owns.
  const appId = initial.appId && apps.some((a) => a.id === initial.appId) ? initial.appId : undefined;
  return (
    <>
      <PageHeader title="应用监控" description="按应用和能力查看请求次数、响应时间与请求流量，以及每次调用的日志。数据每 30 秒自动刷新。" />
      <MonitoringDashboard
        options={{
          apps: apps.map((a) => ({ id: a.id, name: a.name })),
          capabilities: CAPABILITIES.map((c) => ({ id: c.id, name: c.name })),
        }}
        initial={{ range: initial.range, appId, capabilityId: initial.capabilityId }}
      />
    </>
  );
}
