import "server-only";

import { randomUUID } from "node:crypto";

import type { PaymentProvider } from "@/lib/payments/payment-provider";

/**
 * Built-in test provider for self-hosting: its "payment page" is our own /pay/test/<order> page,
 * where the user confirms or cancels. No money moves, so it is only on where PAYMENTS_TEST_PROVIDER
 * (or the embedded default) allows it, and the console labels it wherever it is on.
 */
export const testPaymentProvider: PaymentProvider = {
  id: "test",
  label: "测试支付（不会真实扣款）",
  async checkout(order) {
    return { redirectUrl: `/pay/test/${encodeURIComponent(order.id)}`, providerRef: `test_${randomUUID()}` };
  },
};
