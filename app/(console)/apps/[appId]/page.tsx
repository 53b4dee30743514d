import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { requireUser } from "@/lib/auth/session";
import { CAPABILITIES } from "@/lib/capabilities/catalog";
import { getApp } from "@/lib/data/apps";
import { getQuotaSummary } from "@/lib/data/packs";
import { Badge } from "@/components/ui/badge";
import { BillingBadge } from "@/components/capabilities/billing-badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { AppRowActions } from "@/components/apps/app-row-actions";
import { AppSecretField } from "@/components/apps/app-secret-field";
import { AppSettingsForm } from "@/components/apps/app-settings-form";
import { OpenCapabilityButton } from "@/components/apps/open-capability-button";
import { EmptyState } from "@/components/console/empty-state";
import { PageHeader } from "@/components/console/page-header";
import { formatDateTime, formatNumber } from "@/components/format";

export const metadata: Metadata = { title: "应用详情" };

export default async function AppDetailPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const user = await requireUser();
  const app = await getApp({ userId: user.id, appId });
  // Another user's app and a missing app answer the same 404.
  if (!app) notFound();
  const quota = await getQuotaSummary({ userId: user.id });
  const capabilities = CAPABILITIES.map((c) => ({
    id: c.id,
    name: c.name,
    paid: c.paid,
    summary: c.summary,
    opened: app.capabilities.includes(c.id),
  }));
  const opened = capabilities.filter((c) => c.opened);

  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link href="/apps" className="hover:text-primary">
              我的应用
            </Link>{" "}
            / 应用详情
          </>
        }
        title={app.name}
        description={app.description || "暂无应用概述"}
        actions={<AppRowActions app={{ id: app.id, name: app.name, description: app.description }} redirectAfterDelete="/apps" />}
      />
      <div className="space-y-4">
        <Card>
          <CardHeader title="基本信息" description="AppKey 放在请求头 appkey 中；签名使用个人中心的 AccessKey / SecretKey" />
          <CardBody>
            <dl className="grid gap-x-8 gap-y-3 text-sm md:grid-cols-[120px_1fr]">
              <dt className="text-muted">AppKey</dt>
              <dd className="flex items-center gap-2">
                <code className="font-mono" data-testid="app-key">
                  {app.appKey}
                </code>
                <CopyButton value={app.appKey} label="复制 AppKey" />
              </dd>
              <dt className="text-muted">AppSecret</dt>
              <dd>
                <AppSecretField appId={app.id} />
              </dd>
              <dt className="text-muted">创建时间</dt>
              <dd>{formatDateTime(app.createdAt)}</dd>
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="能力管理"
            description="已开通的能力不可关闭；不调用则不产生费用"
            actions={<OpenCapabilityButton appId={app.id} capabilities={capabilities} />}
          />
          {opened.length === 0 ? (
            <EmptyState title="尚未开通任何能力" description="点击「去开通」为该应用添加能力。" />
          ) : (
            <Table aria-label="已开通能力">
              <THead>
                <tr>
                  <Th>能力</Th>
                  <Th>状态</Th>
                  <Th>可用额度</Th>
                  <Th className="text-right">操作</Th>
                </tr>
              </THead>
              <TBody>
                {opened.map((c) => {
                  const q = quota.find((x) => x.capabilityId === c.id);
                  return (
                    <Tr key={c.id}>
                      <Td className="font-medium">{c.name}</Td>
                      <Td>
                        <Badge tone="success">能力已开通</Badge> <BillingBadge capability={c} />
                      </Td>
                      <Td className="text-sm">
                        {!c.paid ? (
                          "限时免费"
                        ) : q && q.remaining > 0 ? (
                          `${formatNumber(q.remaining)} 次`
                        ) : (
                          <Link href="/packs" className="text-warning hover:underline">
                            无可用额度，去领取/购买
                          </Link>
                        )}
                      </Td>
                      <Td className="text-right text-xs whitespace-nowrap">
                        <Link href={`/playground/${c.id}`} className="px-1.5 text-primary hover:underline">
                          在线体验
                        </Link>
                        <Link href={`/monitoring?appId=${app.id}&capabilityId=${c.id}`} className="px-1.5 text-primary hover:underline">
                          监控
                        </Link>
                        <Link href={`/capabilities/${c.id}/docs`} className="px-1.5 text-primary hover:underline">
                          API 文档
                        </Link>
                      </Td>
                    </Tr>
                  );
                })}
              </TBody>
            </Table>
          )}
        </Card>
        <Card>
          <CardHeader title="调用设置" description="QPS 限制与 IP 白名单对该应用的所有能力生效" />
          <CardBody>
            <AppSettingsForm appId={app.id} qpsLimit={app.qpsLimit} ipAllowList={app.ipAllowList} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
