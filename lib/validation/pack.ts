import { z } from "zod";

import { CAPABILITY_IDS } from "@/lib/capabilities/catalog";

export const claimTrialSchema = z.object({ capabilityId: z.enum(CAPABILITY_IDS) });

export const orderCreateSchema = z.object({
  capabilityId: z.enum(CAPABILITY_IDS),
  calls: z.coerce.number().int().positive(),
});

export const orderIdSchema = z.object({ orderId: z.string().trim().min(1).max(64) });
