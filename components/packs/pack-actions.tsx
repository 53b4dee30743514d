"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Gift, ShoppingCart } from "lucide-react";

import type { CapabilityId } from "@/lib/capabilities/catalog";
import { cancelOrderAction, claimTrialAction, createOrderAction } from "@/lib/actions/packs";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { formatCalls, formatNumber, formatYuan } from "@/components/format";
import { TestPaymentLabel } from "@/components/packs/test-payment-label";

export function ClaimTrialButton({
  capabilityId,
  capabilityName,
  calls,
  claimed,
}: {
  capabilityId: CapabilityId;
  capabilityName: string;
  calls: number;
  claimed: boolean;
}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  if (claimed)
    return (
      <Button variant="secondary" disabled aria-label={`${capabilityName}免费额度已领取`}>
        <Gift className="size-4" aria-hidden />
        已领取免费额度
      </Button>
    );
  return (
    <Button
      variant="secondary"
      loading={pending}
      aria-label={`领取${capabilityName}免费额度`}
      onClick={async () => {
        setPending(true);
        const res = await claimTrialAction({ capabilityId });
        setPending(false);
        if (!res.ok) return toast(res.error, "error");
        toast(`已领取${capabilityName}免费额度 ${formatNumber(res.data.calls)} 次，有效期一年`);
        router.refresh();
      }}
    >
      <Gift className="size-4" aria-hidden />
      领取免费额度 {formatNumber(calls)} 次
    </Button>
  );
}

/** `testPaymentLabel`: the test provider's label while it takes the orders (null: a real provider, or none, which the action reports). */
export function BuyPackButton({
  capabilityId,
  capabilityName,
  tiers,
  testPaymentLabel,
}: {
  capabilityId: CapabilityId;
  capabilityName: string;
  tiers: { calls: number; priceFen: number }[];
  testPaymentLabel: string | null;
}) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [calls, setCalls] = useState(tiers[0]?.calls ?? 0);
  const [pending, setPending] = useState(false);
  const tier = tiers.find((t) => t.calls === calls);
  return (
    <>
      <Button onClick={() => setOpen(true)} aria-label={`购买${capabilityName}资源包`}>
        <ShoppingCart className="size-4" aria-hidden />
        立即购买
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`购买资源包 · ${capabilityName}`}
        description="资源包有效期一年，调用时从最早到期的资源包中抵扣；已购资源包不支持退订。"
        footer={
          <>
            <span className="mr-auto self-center text-sm">
              应付金额 <strong className="text-lg text-danger">{tier ? formatYuan(tier.priceFen) : "—"}</strong>
            </span>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              取消
            </Button>
            <Button
              loading={pending}
              onClick={async () => {
                setPending(true);
                const res = await createOrderAction({ capabilityId, calls });
                if (!res.ok) {
                  setPending(false);
                  return toast(res.error, "error");
                }
                router.push(res.data.redirectUrl);
              }}
            >
              立即支付
            </Button>
          </>
        }
      >
        {testPaymentLabel && <TestPaymentLabel label={testPaymentLabel} className="mb-3 rounded border px-3 py-2" />}
        <fieldset>
          <legend className="mb-2 text-sm font-medium">选择规格</legend>
          <div className="grid grid-cols-2 gap-2">
            {tiers.map((t) => (
              <label
                key={t.calls}
                className={cn(
                  "cursor-pointer rounded border px-3 py-3 text-center",
                  t.calls === calls ? "border-primary bg-primary-soft" : "border-line hover:border-primary/50",
                )}
              >
                <input
                  type="radio"
                  name="tier"
                  value={t.calls}
                  checked={t.calls === calls}
                  onChange={() => setCalls(t.calls)}
                  className="sr-only"
                />
                <span className="block text-base font-semibold">{formatCalls(t.calls)}次/年</span>
                <span className="mt-0.5 block text-sm text-danger">{formatYuan(t.priceFen)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </Dialog>
    </>
  );
}

export function CancelOrderButton({ orderId }: { orderId: string }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      loading={pending}
      onClick={async () => {
        setPending(true);
        const res = await cancelOrderAction({ orderId });
        setPending(false);
        if (!res.ok) return toast(res.error, "error");
        toast("订单已取消");
        router.refresh();
      }}
    >
      取消订单
    </Button>
  );
}
