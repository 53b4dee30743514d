import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { PACK_VALID_DAYS, getCapabilityDef, type CapabilityId } from "@/lib/capabilities/catalog";

export type OrderStatus = "pending" | "paid" | "cancelled" | "failed";

export interface OrderDto {
  id: string;
  capabilityId: CapabilityId;
  calls: number;
  priceFen: number;
  status: OrderStatus;
  provider: string;
  createdAt: Date;
  paidAt: Date | null;
  packId: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const orderSelect = {
  id: true,
  capabilityId: true,
  calls: true,
  priceFen: true,
  status: true,
  provider: true,
  createdAt: true,
  paidAt: true,
  pack: { select: { id: true } },
} as const;

type OrderRow = Omit<OrderDto, "packId" | "capabilityId" | "status"> & {
  capabilityId: string;
  status: string;
  pack: { id: string } | null;
};
const toDto = ({ pack, ...row }: OrderRow): OrderDto => ({
  ...row,
  capabilityId: row.capabilityId as CapabilityId,
  status: row.status as OrderStatus,
  packId: pack?.id ?? null,
});

/** A pending order for one of the capability's price tiers; the price comes from the catalog, never from the client. */
export async function createOrder(opts: {
  userId: string;
  capabilityId: CapabilityId;
  calls: number;
  provider: string;
}): Promise<OrderDto> {
  const def = getCapabilityDef(opts.capabilityId);
  if (!def.paid) throw new AppError("invalid", `${def.id} is free`, `${def.name}为限免能力，开通即可使用，无需购买`);
  const tier = def.priceTiers.find((t) => t.calls === opts.calls);
  if (!tier) throw new AppError("invalid", `No tier ${opts.calls} for ${def.id}`, "所选规格不存在");
  const row = await db.order.create({
    data: { userId: opts.userId, capabilityId: def.id, calls: tier.calls, priceFen: tier.priceFen, provider: opts.provider },
    select: orderSelect,
  });
  return toDto(row);
}

export async function setOrderProviderRef(opts: { userId: string; orderId: string; providerRef: string }): Promise<void> {
  await db.order.updateMany({ where: { id: opts.orderId, userId: opts.userId }, data: { providerRef: opts.providerRef } });
}

export async function listOrders(opts: { userId: string; take?: number }): Promise<OrderDto[]> {
  const rows = await db.order.findMany({
    where: { userId: opts.userId },
    select: orderSelect,
    orderBy: { createdAt: "desc" },
    take: opts.take ?? 100,
  });
  return rows.map(toDto);
}

/** The user's order, or null (also for another user's order). */
export async function getOrder(opts: { userId: string; orderId: string }): Promise<OrderDto | null> {
  const row = await db.order.findFirst({ where: { id: opts.orderId, userId: opts.userId }, select: orderSelect });
  return row ? toDto(row) : null;
}

/**
 * Marks a pending order paid and creates its pack (valid 365 days) in one transaction.
 * The conditional update makes a double confirmation harmless: only the first one creates a pack.
 */
export async function completeOrderPayment(opts: { userId: string; orderId: string }): Promise<OrderDto> {
  await db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({ where: { id: opts.orderId, userId: opts.userId } });
    if (!order) throw new AppError("not_found", `No order ${opts.orderId}`, "订单不存在");
    if (order.status === "paid") return;
    if (order.status !== "pending") throw new AppError("conflict", `Order ${order.id} is ${order.status}`, "订单已取消或失败，请重新下单");
    const paidAt = new Date();
    const { count } = await tx.order.updateMany({ where: { id: order.id, status: "pending" }, data: { status: "paid", paidAt } });
    if (count === 0) return;
    await tx.quotaPack.create({
      data: {
        userId: order.userId,
        capabilityId: order.capabilityId,
        kind: "purchased",
        total: order.calls,
        validFrom: paidAt,
        validTo: new Date(paidAt.getTime() + PACK_VALID_DAYS * DAY_MS),
        orderId: order.id,
      },
    });
  });
  const done = await getOrder(opts);
  if (!done) throw new AppError("not_found", `No order ${opts.orderId}`, "订单不存在");
  return done;
}

/** Cancels a pending order (paid orders cannot be refunded: seed §2.3). */
export async function cancelOrder(opts: { userId: string; orderId: string }): Promise<OrderDto> {
  const order = await getOrder(opts);
  if (!order) throw new AppError("not_found", `No order ${opts.orderId}`, "订单不存在");
  if (order.status === "paid") throw new AppError("conflict", "Paid orders cannot be cancelled", "已支付的资源包不支持退订");
  if (order.status === "pending") {
    await db.order.updateMany({ where: { id: order.id, status: "pending" }, data: { status: "cancelled" } });
  }
  return (await getOrder(opts))!;
}
