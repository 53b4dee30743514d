import { afterEach, describe, expect, it, vi } from "vitest";

async function loadPayments(setting: "on" | "off") {
  vi.resetModules();
  vi.stubEnv("PAYMENTS_TEST_PROVIDER", setting);
  return import("./index");
}

afterEach(() => vi.unstubAllEnvs());

describe("payment provider", () => {
  it("is the labelled test provider while it is on", async () => {
    const payments = await loadPayments("on");
    expect(payments.getPaymentProvider()).toMatchObject({ id: "test", label: "测试支付（不会真实扣款）" });
    expect(payments.isTestPaymentsOn()).toBe(true);
  });

  it("is none when it is off", async () => {
    const payments = await loadPayments("off");
    expect(payments.getPaymentProvider()).toBeNull();
    expect(payments.NO_PAYMENT_PROVIDER_TEXT).toContain("未配置支付服务");
  });
});
