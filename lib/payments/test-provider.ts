import "server-only";

import { randomUUID } from "node:crypto";

import type { PaymentProvider } from "@/lib/payments/payment-provider";

/**
 * Built-in test provider for self-hosting: its "payment page" is our own /pay/test/<order> page,
 * where the user confirms or cancels. No money moves. Replace it with a real provider in production.
 */
export const testPaymentProvider: PaymentProvider = {
  id: "test",
  label: "测试支付（自托管内置，不产生真实扣款）",
  async checkout(order) {
    return { redirectUrl: `/pay/test/${encodeURIComponent(order.id)}`, providerRef: `test_${randomUUID()}` };
  },
};
