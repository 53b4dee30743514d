import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { requireUser } from "@/lib/auth/session";
import { getCapabilityDef, isCapabilityId } from "@/lib/capabilities/catalog";
import { listAccessKeys } from "@/lib/data/access-keys";
import { listApps } from "@/lib/data/apps";
import { getQuotaSummary } from "@/lib/data/packs";
import { listPlaygroundResults } from "@/lib/data/playground-results";
import { BillingBadge } from "@/components/capabilities/billing-badge";
import { PageHeader } from "@/components/console/page-header";
import { formatNumber } from "@/components/format";
import { Playground } from "@/components/playground/playground";

export const metadata: Metadata = { title: "在线体验" };

export default async function PlaygroundPage({ params }: { params: Promise<{ capability: string }> }) {
  const { capability } = await params;
  if (!isCapabilityId(capability)) notFound();
  const user = await requireUser();
  const def = getCapabilityDef(capability);
  const [apps, keys, quota, recent] = await Promise.all([
    listApps({ userId: user.id }),
    listAccessKeys({ userId: user.id }),
    getQuotaSummary({ userId: user.id }),
    listPlaygroundResults({ userId: user.id }),
  ]);
  const q = quota.find((x) => x.capabilityId === capability);
  return (
    <>
      <PageHeader
        breadcrumb="在线体验"
        title={
          <span className="flex items-center gap-2">
            {def.name} · 在线体验
            <BillingBadge capability={def} />
          </span>
        }
        description={`${def.summary}。识别通过您的 AccessKey 签名调用本平台接口，按次计入用量与应用监控。`}
        actions={
          <>
            <span className="text-xs text-muted" data-testid="quota-remaining">
              {!def.paid ? "限时免费，开通即可使用" : `剩余额度 ${formatNumber(q?.remaining ?? 0)} 次`}
            </span>
            <Link href={`/capabilities/${capability}/docs`} className="text-sm text-primary hover:underline">
              API 文档
            </Link>
          </>
        }
      />
      <Playground
        capabilityId={capability}
        capabilityName={def.name}
        paid={def.paid}
        recent={recent.filter((r) => r.capability === capability)}
        apps={apps.map((a) => ({ id: a.id, name: a.name, opened: a.capabilities.includes(capability) }))}
        hasAccessKey={keys.some((k) => k.enabled)}
      />
    </>
  );
}
