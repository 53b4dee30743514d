import "server-only";

import { db } from "@/lib/db";
import { billingLabel, CAPABILITIES } from "@/lib/capabilities/catalog";

/** Makes the Capability and PriceTier rows match lib/capabilities/catalog.ts (idempotent). */
export async function syncCapabilityCatalog(): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const [sortOrder, cap] of CAPABILITIES.entries()) {
      const data = { name: cap.name, status: billingLabel(cap), apiId: cap.routes[0]!.apiId, trialCalls: cap.trialCalls, sortOrder };
      await tx.capability.upsert({ where: { id: cap.id }, create: { id: cap.id, ...data }, update: data });
      await tx.priceTier.deleteMany({ where: { capabilityId: cap.id, calls: { notIn: cap.priceTiers.map((t) => t.calls) } } });
      for (const tier of cap.priceTiers) {
        await tx.priceTier.upsert({
          where: { capabilityId_calls: { capabilityId: cap.id, calls: tier.calls } },
          create: { capabilityId: cap.id, calls: tier.calls, priceFen: tier.priceFen },
          update: { priceFen: tier.priceFen },
        });
      }
    }
  });
}
