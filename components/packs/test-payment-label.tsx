import { FlaskConical } from "lucide-react";

import { cn } from "@/components/ui/cn";

/** The test provider's warning label: shown wherever packs can be bought while it is on. */
export function TestPaymentLabel({ label, className }: { label: string; className?: string }) {
  return (
    <div
      role="note"
      data-testid="test-payment-label"
      className={cn("flex items-center gap-2 border-amber-200 bg-amber-50 text-sm font-medium text-amber-800", className)}
    >
      <FlaskConical className="size-4 shrink-0" aria-hidden />
      {label}
    </div>
  );
}
