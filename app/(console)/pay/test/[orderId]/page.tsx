import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { requireUser } from "@/lib/auth/session";
import { getCapabilityDef } from "@/lib/capabilities/catalog";
import { getOrder } from "@/lib/data/orders";
import { isTestPaymentsOn } from "@/lib/payments";
import { testPaymentProvider } from "@/lib/payments/test-provider";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/console/page-header";
import { formatCalls, formatDateTime, formatYuan } from "@/components/format";
import { TestPaymentForm } from "@/components/packs/test-payment-form";
import { TestPaymentLabel } from "@/components/packs/test-payment-label";

export const metadata: Metadata = { title: "测试支付" };

export default async function TestPaymentPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const user = await requireUser();
  const order = await getOrder({ userId: user.id, orderId });
  if (!order || order.provider !== testPaymentProvider.id) notFound();
  const def = getCapabilityDef(order.capabilityId);
  return (
    <>
      <PageHeader
        breadcrumb={
          <Link href="/packs" className="hover:text-primary">
            资源包
          </Link>
        }
        title="收银台"
      />
      <Card className="max-w-xl">
        <TestPaymentLabel label={testPaymentProvider.label} className="border-b px-5 py-3" />
        <CardBody className="space-y-4">
          <dl className="grid grid-cols-[90px_1fr] gap-y-2 text-sm">
            <dt className="text-muted">订单号</dt>
            <dd className="font-mono text-xs">{order.id}</dd>
            <dt className="text-muted">商品</dt>
            <dd>
              {def.name} 资源包 · {formatCalls(order.calls)}次/年
            </dd>
            <dt className="text-muted">下单时间</dt>
            <dd>{formatDateTime(order.createdAt)}</dd>
            <dt className="text-muted">应付金额</dt>
            <dd className="text-xl font-semibold text-danger">{formatYuan(order.priceFen)}</dd>
          </dl>
          {order.status === "pending" && !isTestPaymentsOn() ? (
            <p className="text-sm" role="alert">
              测试支付未启用，该订单无法支付。
              <Link href="/packs" className="text-primary hover:underline">
                返回资源包
              </Link>
              可取消该订单。
            </p>
          ) : order.status === "pending" ? (
            <TestPaymentForm orderId={order.id} />
          ) : (
            <p className="text-sm">
              订单状态：{order.status === "paid" ? "已支付" : "已取消"}。
              <Link href="/packs" className="text-primary hover:underline">
                返回资源包
              </Link>
            </p>
          )}
          <p className="text-xs text-muted">
            接入真实支付（支付宝、微信支付、银联等）时，实现 lib/payments 中的 PaymentProvider 接口即可替换此页面。
          </p>
        </CardBody>
      </Card>
    </>
  );
}
