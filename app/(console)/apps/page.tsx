import type { Metadata } from "next";
import Link from "next/link";

import { requireUser } from "@/lib/auth/session";
import { getCapabilityDef } from "@/lib/capabilities/catalog";
import { listApps } from "@/lib/data/apps";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { AppRowActions } from "@/components/apps/app-row-actions";
import { CreateAppButton } from "@/components/apps/create-app-button";
import { EmptyState } from "@/components/console/empty-state";
import { PageHeader } from "@/components/console/page-header";
import { formatDateTime } from "@/components/format";

export const metadata: Metadata = { title: "我的应用" };

export default async function AppsPage() {
  const user = await requireUser();
  const apps = await listApps({ userId: user.id });
  return (
    <>
      <PageHeader
        title="我的应用"
        description="每个应用拥有独立的 AppKey / AppSecret，调用 API 时在请求头 appkey 中携带。"
        actions={<CreateAppButton />}
      />
      <Card>
        {apps.length === 0 ? (
          <EmptyState title="还没有应用" description="点击右上角「新增应用」创建第一个应用，然后为其开通需要的能力。" />
        ) : (
          <Table aria-label="应用列表">
            <THead>
              <tr>
                <Th>应用名称</Th>
                <Th>AppKey</Th>
                <Th>已开通能力</Th>
                <Th>创建时间</Th>
                <Th className="text-right">操作</Th>
              </tr>
            </THead>
            <TBody>
              {apps.map((app) => (
                <Tr key={app.id}>
                  <Td>
                    <Link href={`/apps/${app.id}`} className="font-medium text-primary hover:underline">
                      {app.name}
                    </Link>
                    {app.description && <p className="mt-0.5 max-w-xs truncate text-xs text-muted">{app.description}</p>}
                  </Td>
                  <Td>
                    <span className="font-mono text-xs">{app.appKey}</span>
                    <CopyButton value={app.appKey} label="复制" className="ml-1" />
                  </Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {app.capabilities.length === 0 ? (
                        <span className="text-xs text-muted">未开通</span>
                      ) : (
                        app.capabilities.map((c) => (
                          <Badge key={c} tone="primary">
                            {getCapabilityDef(c).name}
                          </Badge>
                        ))
                      )}
                    </div>
                  </Td>
                  <Td className="text-xs whitespace-nowrap text-muted">{formatDateTime(app.createdAt)}</Td>
                  <Td>
                    <AppRowActions app={{ id: app.id, name: app.name, description: app.description }} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </>
  );
}
