import type { Metadata } from "next";
import Link from "next/link";

import { requireUser } from "@/lib/auth/session";
import { CAPABILITIES, capabilityPath } from "@/lib/capabilities/catalog";
import { listApps } from "@/lib/data/apps";
import { BillingBadge } from "@/components/capabilities/billing-badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { PageHeader } from "@/components/console/page-header";
import { formatCalls, formatNumber, formatYuan } from "@/components/format";

export const metadata: Metadata = { title: "能力列表" };

export default async function CapabilitiesPage() {
  const user = await requireUser();
  const apps = await listApps({ userId: user.id });
  const paid = CAPABILITIES.filter((c) => c.priceTiers.length > 0);
  const tiers = paid[0]?.priceTiers.map((t) => t.calls) ?? [];
  return (
    <>
      <PageHeader
        title="能力列表"
        description="印刷文字识别提供以下 API 能力。商用能力需领取免费额度或购买资源包，限免能力开通即可使用。"
      />
      <div className="grid gap-4 md:grid-cols-2">
        {CAPABILITIES.map((c) => {
          const openedIn = apps.filter((a) => a.capabilities.includes(c.id)).length;
          return (
            <Card key={c.id} aria-label={c.name}>
              <CardHeader
                title={
                  <span className="flex items-center gap-2">
                    {c.name}
                    <BillingBadge capability={c} />
                  </span>
                }
                description={c.summary}
              />
              <CardBody className="space-y-3">
                <dl className="grid grid-cols-[80px_1fr] gap-y-1.5 text-sm">
                  <dt className="text-muted">免费额度</dt>
                  <dd>{c.trialCalls > 0 ? `${formatNumber(c.trialCalls)} 次（领取后一年有效）` : "限时免费，不限次数"}</dd>
                  <dt className="text-muted">接口路径</dt>
                  <dd className="font-mono text-xs break-all">POST {capabilityPath(c.id)}</dd>
                  <dt className="text-muted">开通情况</dt>
                  <dd>{openedIn > 0 ? `已在 ${openedIn} 个应用中开通` : "未开通"}</dd>
                </dl>
                <div className="flex flex-wrap gap-2">
                  <Link href={`/playground/${c.id}`} className={buttonClass("primary", "sm")}>
                    在线体验
                  </Link>
                  <Link href={`/capabilities/${c.id}/docs`} className={buttonClass("secondary", "sm")}>
                    API 文档
                  </Link>
                  <Link href="/apps" className={buttonClass("secondary", "sm")}>
                    {openedIn > 0 ? "管理应用" : "去开通"}
                  </Link>
                  {c.paid && (
                    <Link href="/packs" className={buttonClass("ghost", "sm")}>
                      购买资源包
                    </Link>
                  )}
                </div>
              </CardBody>
            </Card>
          );
        })}
      </div>
      <Card className="mt-5">
        <CardHeader title="资源包价格表" description="资源包有效期一年，有效期内未使用的次数不会流转至下一年；价格仅供参考" />
        <Table aria-label="资源包价格表">
          <THead>
            <tr>
              <Th>API 名称</Th>
              {tiers.map((t) => (
                <Th key={t} className="text-right">
                  {formatCalls(t)}次
                </Th>
              ))}
            </tr>
          </THead>
          <TBody>
            {paid.map((c) => (
              <Tr key={c.id}>
                <Td>{c.name}</Td>
                {c.priceTiers.map((t) => (
                  <Td key={t.calls} className="text-right tabular-nums">
                    {formatYuan(t.priceFen)}
                  </Td>
                ))}
              </Tr>
            ))}
            {CAPABILITIES.filter((c) => c.priceTiers.length === 0).map((c) => (
              <Tr key={c.id}>
                <Td>{c.name}</Td>
                <Td colSpan={tiers.length} className="text-right text-muted">
                  限时免费
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>
    </>
  );
}
