import "server-only";

import type { PaymentProvider } from "@/lib/payments/payment-provider";
import { testPaymentProvider } from "@/lib/payments/test-provider";

const PROVIDERS: Record<string, PaymentProvider> = { [testPaymentProvider.id]: testPaymentProvider };

/** The provider new orders use. Only the built-in test provider ships; register real ones here. */
export function getPaymentProvider(): PaymentProvider {
  return testPaymentProvider;
}

export function getPaymentProviderById(id: string): PaymentProvider | null {
  return PROVIDERS[id] ?? null;
}
