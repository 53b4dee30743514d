"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";

import type { CapabilityId } from "@/lib/capabilities/catalog";
import { openCapabilityAction } from "@/lib/actions/apps";
import { BillingBadge } from "@/components/capabilities/billing-badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";

export interface OpenableCapability {
  id: CapabilityId;
  name: string;
  paid: boolean;
  summary: string;
  opened: boolean;
}

/** 去开通 → pick a capability → 确认开通 → 能力已开通. */
export function OpenCapabilityButton({ appId, capabilities }: { appId: string; capabilities: OpenableCapability[] }) {
  const router = useRouter();
  const toast = useToast();
  const closed = capabilities.filter((c) => !c.opened);
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<CapabilityId | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  return (
    <>
      <Button
        onClick={() => {
          setChoice(closed[0]?.id ?? null);
          setError(null);
          setOpen(true);
        }}
        disabled={closed.length === 0}
      >
        <Plus className="size-4" aria-hidden />
        去开通
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="开通能力"
        description="开通后即可使用该应用的 AppKey 调用对应 API。商用能力还需领取免费额度或购买资源包。"
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              取消
            </Button>
            <Button
              loading={pending}
              disabled={!choice}
              onClick={async () => {
                if (!choice) return;
                setPending(true);
                const res = await openCapabilityAction({ appId, capabilityId: choice });
                setPending(false);
                if (!res.ok) return setError(res.error);
                setOpen(false);
                toast(`能力已开通：${res.data.name}`);
                router.refresh();
              }}
            >
              确认开通
            </Button>
          </>
        }
      >
        <fieldset>
          <legend className="mb-2 text-sm font-medium">选择要开通的能力</legend>
          <div className="space-y-2">
            {closed.map((c) => (
              <label
                key={c.id}
                className={cn(
                  "flex cursor-pointer items-start gap-3 rounded border px-3 py-2.5",
                  choice === c.id ? "border-primary bg-primary-soft" : "border-line",
                )}
              >
                <input
                  type="radio"
                  name="capability"
                  value={c.id}
                  checked={choice === c.id}
                  onChange={() => setChoice(c.id)}
                  className="mt-1"
                />
                <span>
                  <span className="flex items-center gap-2 text-sm font-medium">
                    {c.name}
                    <BillingBadge capability={c} />
                  </span>
                  <span className="mt-0.5 block text-xs text-muted">{c.summary}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {error && (
          <p role="alert" className="mt-3 text-sm text-danger">
            {error}
          </p>
        )}
      </Dialog>
    </>
  );
}
