"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";

import { cancelOrderAction, confirmTestPaymentAction } from "@/lib/actions/packs";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

export function TestPaymentForm({ orderId }: { orderId: string }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState<"pay" | "cancel" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: "pay" | "cancel") => {
    setPending(kind);
    setError(null);
    const res = kind === "pay" ? await confirmTestPaymentAction({ orderId }) : await cancelOrderAction({ orderId });
    setPending(null);
    if (!res.ok) return setError(res.error);
    toast(kind === "pay" ? "支付成功，资源包已到账" : "订单已取消");
    router.replace("/packs");
    router.refresh();
  };
  return (
    <div className="space-y-3">
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button size="lg" loading={pending === "pay"} disabled={pending !== null} onClick={() => run("pay")}>
          确认支付
        </Button>
        <Button size="lg" variant="secondary" loading={pending === "cancel"} disabled={pending !== null} onClick={() => run("cancel")}>
          取消
        </Button>
      </div>
    </div>
  );
}
