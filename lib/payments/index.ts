import "server-only";

import { testPaymentsEnabled } from "@/lib/env";
import type { PaymentProvider } from "@/lib/payments/payment-provider";
import { testPaymentProvider } from "@/lib/payments/test-provider";

const PROVIDERS: Record<string, PaymentProvider> = { [testPaymentProvider.id]: testPaymentProvider };

/** What buying a pack answers when no provider takes orders. */
export const NO_PAYMENT_PROVIDER_TEXT = "未配置支付服务，暂不能在线购买资源包，请联系管理员为您分配资源包";

/** Whether the built-in test provider (no money moves) is switched on (PAYMENTS_TEST_PROVIDER). */
export const isTestPaymentsOn = (): boolean => testPaymentsEnabled;

/** The provider new orders use, or null when none is configured. Only the test provider ships; register real ones here. */
export function getPaymentProvider(): PaymentProvider | null {
  return isTestPaymentsOn() ? testPaymentProvider : null;
}

export function getPaymentProviderById(id: string): PaymentProvider | null {
  return PROVIDERS[id] ?? null;
}
