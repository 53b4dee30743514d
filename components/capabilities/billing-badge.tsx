import { billingLabel, type CapabilityDef } from "@/lib/capabilities/catalog";
import { Badge } from "@/components/ui/badge";

/** "商用" / "限免" badge, derived from the capability's `paid` field. */
export function BillingBadge({ capability }: { capability: Pick<CapabilityDef, "paid"> }) {
  return <Badge tone={capability.paid ? "primary" : "success"}>{billingLabel(capability)}</Badge>;
}
