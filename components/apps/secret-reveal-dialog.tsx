"use client";

import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";

/** A secret shown once: copy buttons and an explicit 知道了 (no Esc / × to dismiss by accident). */
export function SecretRevealDialog({
  open,
  title,
  notice,
  items,
  onClose,
}: {
  open: boolean;
  title: string;
  notice: string;
  items: { label: string; value: string }[];
  onClose: () => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title} dismissible={false} footer={<Button onClick={onClose}>知道了</Button>}>
      <p className="mb-4 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-800">{notice}</p>
      <dl className="space-y-3">
        {items.map((item) => (
          <div key={item.label}>
            <dt className="mb-1 text-xs text-muted">{item.label}</dt>
            <dd className="flex items-center justify-between gap-2 rounded border border-line bg-slate-50 px-3 py-2">
              <code data-testid={`secret-${item.label}`} className="font-mono text-sm break-all">
                {item.value}
              </code>
              <CopyButton value={item.value} label={`复制 ${item.label}`} />
            </dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
