"use server";

import { revalidatePath } from "next/cache";

import { AppError } from "@/lib/errors";
import { requireUser } from "@/lib/auth/session";
import { getCapabilityDef } from "@/lib/capabilities/catalog";
import { cancelOrder, completeOrderPayment, createOrder, getOrder, setOrderProviderRef } from "@/lib/data/orders";
import { claimTrialPack } from "@/lib/data/packs";
import { NO_PAYMENT_PROVIDER_TEXT, getPaymentProvider, isTestPaymentsOn } from "@/lib/payments";
import { claimTrialSchema, orderCreateSchema, orderIdSchema } from "@/lib/validation/pack";
import { invalidInput, runAction, type ActionResult } from "@/lib/actions/result";

// 资源包 → 领取免费额度 (once per capability, 10 000 calls, one year).
export async function claimTrialAction(input: unknown): Promise<ActionResult<{ calls: number }>> {
  const parsed = claimTrialSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await requireUser();
  return runAction(async () => {
    const pack = await claimTrialPack({ userId: user.id, capabilityId: parsed.data.capabilityId });
    revalidatePath("/packs");
    revalidatePath("/overview");
    return { calls: pack.total };
  });
}

// 立即购买 → order (pending) → the provider's checkout page.
export async function createOrderAction(input: unknown): Promise<ActionResult<{ orderId: string; redirectUrl: string }>> {
  const parsed = orderCreateSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await requireUser();
  return runAction(async () => {
    const provider = getPaymentProvider();
    if (!provider) throw new AppError("forbidden", "No payment provider", NO_PAYMENT_PROVIDER_TEXT);
    const order = await createOrder({
      userId: user.id,
      capabilityId: parsed.data.capabilityId,
      calls: parsed.data.calls,
      provider: provider.id,
    });
    const def = getCapabilityDef(order.capabilityId);
    const session = await provider.checkout({
      id: order.id,
      priceFen: order.priceFen,
      description: `${def.name} ${order.calls} 次/年资源包`,
    });
    await setOrderProviderRef({ userId: user.id, orderId: order.id, providerRef: session.providerRef });
    revalidatePath("/packs");
    return { orderId: order.id, redirectUrl: session.redirectUrl };
  });
}

/** The built-in test provider's 确认支付: only test orders, and only while the test provider is on. */
export async function confirmTestPaymentAction(input: unknown): Promise<ActionResult> {
  const parsed = orderIdSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await requireUser();
  return runAction(async () => {
    if (!isTestPaymentsOn()) throw new AppError("forbidden", "Test payments off", "测试支付未启用，无法完成该订单");
    const order = await getOrder({ userId: user.id, orderId: parsed.data.orderId });
    if (!order) throw new AppError("not_found", "No order", "订单不存在");
    if (order.provider !== "test") throw new AppError("forbidden", "Not a test order", "该订单不是测试支付订单");
    await completeOrderPayment({ userId: user.id, orderId: order.id });
    revalidatePath("/packs");
    revalidatePath("/overview");
    return null;
  });
}

export async function cancelOrderAction(input: unknown): Promise<ActionResult> {
  const parsed = orderIdSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await requireUser();
  return runAction(async () => {
    await cancelOrder({ userId: user.id, orderId: parsed.data.orderId });
    revalidatePath("/packs");
    return null;
  });
}
