// Payment behind one interface so a real provider (Alipay, WeChat Pay, UnionPay…) can be added
// without touching orders. A provider only starts a checkout; the order is completed by
// completeOrderPayment() once the provider confirms (its page, webhook or redirect).

export interface CheckoutOrder {
  id: string;
  priceFen: number;
  description: string;
}

export interface CheckoutSession {
  /** Where the browser goes to pay (absolute or same-site path). */
  redirectUrl: string;
  /** The provider's reference for this checkout, stored on the order. */
  providerRef: string;
}

export interface PaymentProvider {
  id: string;
  /** Shown to the user next to the order. */
  label: string;
  checkout(order: CheckoutOrder): Promise<CheckoutSession>;
}
