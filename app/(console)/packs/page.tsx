import type { Metadata } from "next";
import Link from "next/link";

import { requireUser } from "@/lib/auth/session";
import { CAPABILITIES, getCapabilityDef } from "@/lib/capabilities/catalog";
import { listOrders, type OrderStatus } from "@/lib/data/orders";
import { getQuotaSummary, listPacks, type PackDto } from "@/lib/data/packs";
import { NO_PAYMENT_PROVIDER_TEXT, isTestPaymentsOn } from "@/lib/payments";
import { testPaymentProvider } from "@/lib/payments/test-provider";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { EmptyState } from "@/components/console/empty-state";
import { PageHeader } from "@/components/console/page-header";
import { formatCalls, formatDate, formatDateTime, formatNumber, formatYuan } from "@/components/format";
import { BuyPackButton, CancelOrderButton, ClaimTrialButton } from "@/components/packs/pack-actions";
import { TestPaymentLabel } from "@/components/packs/test-payment-label";

export const metadata: Metadata = { title: "资源包" };

const KIND_LABEL: Record<PackDto["kind"], string> = { trial: "免费试用", purchased: "购买", granted: "赠送" };
const ORDER_STATUS: Record<OrderStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: "待支付", tone: "warning" },
  paid: { label: "已支付", tone: "success" },
  cancelled: { label: "已取消", tone: "neutral" },
  failed: { label: "支付失败", tone: "danger" },
};

function packState(p: PackDto): { label: string; tone: BadgeTone } {
  if (p.expired) return { label: "已过期", tone: "neutral" };
  if (p.validFrom.getTime() > Date.now()) return { label: "未生效", tone: "neutral" };
  if (p.remaining === 0) return { label: "已用完", tone: "warning" };
  return { label: "生效中", tone: "success" };
}

export default async function PacksPage() {
  const user = await requireUser();
  const [quota, packs, orders] = await Promise.all([
    getQuotaSummary({ userId: user.id }),
    listPacks({ userId: user.id }),
    listOrders({ userId: user.id }),
  ]);
  const paid = CAPABILITIES.filter((c) => c.paid);
  const testPayments = isTestPaymentsOn();
  return (
    <>
      <PageHeader
        title="资源包"
        description="封顶资源包计费：调用次数从有效期内、最早到期的资源包中抵扣；有效期一年，过期作废；已购资源包一经使用不支持退订。"
      />
      {testPayments ? (
        <TestPaymentLabel
          label={`${testPaymentProvider.label}：本实例启用了内置测试支付，购买资源包不产生真实交易`}
          className="mb-4 rounded border px-4 py-2"
        />
      ) : (
        <p role="note" className="mb-4 rounded border border-line bg-slate-50 px-4 py-2 text-sm text-muted">
          {NO_PAYMENT_PROVIDER_TEXT}。
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-3">
        {paid.map((c) => {
          const q = quota.find((x) => x.capabilityId === c.id)!;
          return (
            <Card key={c.id} aria-label={c.name}>
              <CardHeader title={c.name} description="商用 · 需领取免费额度或购买资源包" />
              <CardBody className="space-y-3">
                <div>
                  <p className="text-xs text-muted">剩余可用次数</p>
                  <p className="text-2xl font-semibold" data-testid={`remaining-${c.id}`}>
                    {formatNumber(q.remaining)}
                  </p>
                  <p className="text-xs text-muted">{q.nextExpiry ? `最近到期：${formatDate(q.nextExpiry)}` : "暂无生效中的资源包"}</p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <ClaimTrialButton capabilityId={c.id} capabilityName={c.name} calls={c.trialCalls} claimed={q.trialClaimed} />
                  <BuyPackButton
                    capabilityId={c.id}
                    capabilityName={c.name}
                    tiers={c.priceTiers}
                    testPaymentLabel={testPayments ? testPaymentProvider.label : null}
                  />
                </div>
              </CardBody>
            </Card>
          );
        })}
      </div>
      <p className="mt-3 text-xs text-muted">营业执照识别当前为「限免」状态：在应用中开通即可使用，无需资源包。</p>

      <Card className="mt-5">
        <CardHeader title="我的资源包" />
        {packs.length === 0 ? (
          <EmptyState title="暂无资源包" description="领取免费额度或购买资源包后在此显示。" />
        ) : (
          <Table aria-label="我的资源包">
            <THead>
              <tr>
                <Th>能力</Th>
                <Th>类型</Th>
                <Th className="text-right">总次数</Th>
                <Th className="text-right">已用</Th>
                <Th className="text-right">剩余</Th>
                <Th>有效期</Th>
                <Th>状态</Th>
              </tr>
            </THead>
            <TBody>
              {packs.map((p) => {
                const s = packState(p);
                return (
                  <Tr key={p.id}>
                    <Td>{getCapabilityDef(p.capabilityId).name}</Td>
                    <Td>{KIND_LABEL[p.kind]}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(p.total)}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(p.used)}</Td>
                    <Td className="text-right font-medium tabular-nums">{formatNumber(p.remaining)}</Td>
                    <Td className="text-xs whitespace-nowrap text-muted">
                      {formatDate(p.validFrom)} 至 {formatDate(p.validTo)}
                    </Td>
                    <Td>
                      <Badge tone={s.tone}>{s.label}</Badge>
                    </Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
        )}
      </Card>

      <Card className="mt-5">
        <CardHeader
          title="订单"
          description={testPayments ? `支付由支付服务提供方处理；当前为${testPaymentProvider.label}` : "支付由支付服务提供方处理"}
        />
        {orders.length === 0 ? (
          <EmptyState title="暂无订单" />
        ) : (
          <Table aria-label="订单列表">
            <THead>
              <tr>
                <Th>订单号</Th>
                <Th>能力</Th>
                <Th>规格</Th>
                <Th className="text-right">金额</Th>
                <Th>状态</Th>
                <Th>下单时间</Th>
                <Th className="text-right">操作</Th>
              </tr>
            </THead>
            <TBody>
              {orders.map((o) => (
                <Tr key={o.id}>
                  <Td className="font-mono text-xs">{o.id}</Td>
                  <Td>{getCapabilityDef(o.capabilityId).name}</Td>
                  <Td>{formatCalls(o.calls)}次/年</Td>
                  <Td className="text-right tabular-nums">{formatYuan(o.priceFen)}</Td>
                  <Td>
                    <Badge tone={ORDER_STATUS[o.status].tone}>{ORDER_STATUS[o.status].label}</Badge>
                  </Td>
                  <Td className="text-xs whitespace-nowrap text-muted">{formatDateTime(o.createdAt)}</Td>
                  <Td className="text-right whitespace-nowrap">
                    {o.status === "pending" && (
                      <>
                        {testPayments && o.provider === testPaymentProvider.id && (
                          <Link href={`/pay/test/${o.id}`} className={buttonClass("ghost", "sm")}>
                            去支付
                          </Link>
                        )}
                        <CancelOrderButton orderId={o.id} />
                      </>
                    )}
                    {o.status === "paid" && <span className="text-xs text-muted">不支持退订</span>}
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
