import { Suspense } from "react";
import type { Metadata } from "next";

import { requireUser } from "@/lib/auth/session";
import { CAPABILITIES } from "@/lib/capabilities/catalog";
import { listApps } from "@/lib/data/apps";
import { PageHeader } from "@/components/console/page-header";
import { MonitoringDashboard } from "@/components/monitoring/monitoring-dashboard";

export const metadata: Metadata = { title: "应用监控" };

export default async function MonitoringPage() {
  const user = await requireUser();
  const apps = await listApps({ userId: user.id });
  return (
    <>
      <PageHeader title="应用监控" description="按应用和能力查看请求次数、响应时间与请求流量，以及每次调用的日志。数据每 30 秒自动刷新。" />
      {/* The filters are read from the URL on the client (components/monitoring/monitoring-filters.ts). */}
      <Suspense>
        <MonitoringDashboard
          options={{
            apps: apps.map((a) => ({ id: a.id, name: a.name })),
            capabilities: CAPABILITIES.map((c) => ({ id: c.id, name: c.name })),
          }}
        />
      </Suspense>
    </>
  );
}
