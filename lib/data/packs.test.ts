import { beforeAll, describe, expect, test } from "vitest";

import { useTempDatabase } from "@/tests/support/temp-db";

useTempDatabase();
const { createUser } = await import("@/lib/data/users");
const { claimTrialPack, grantPack, listPacks } = await import("@/lib/data/packs");
const { syncCapabilityCatalog } = await import("@/lib/data/capabilities");

let userId = "";
beforeAll(async () => {
  await syncCapabilityCatalog();
  userId = (await createUser({ email: "packs@example.com", password: "password123" })).id;
});

describe("quota packs", () => {
  test("the trial is 10 000 calls for a year and can be claimed once, even when claims race", async () => {
    const results = await Promise.allSettled([1, 2, 3].map(() => claimTrialPack({ userId, capabilityId: "general" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [pack] = await listPacks({ userId, capabilityId: "general" });
    expect(pack).toMatchObject({ kind: "trial", total: 10_000, used: 0, remaining: 10_000, expired: false });
    const days = (pack!.validTo.getTime() - pack!.validFrom.getTime()) / 86_400_000;
    expect(days).toBe(365);
  });

  test("the business licence is free: no trial to claim", async () => {
    await expect(claimTrialPack({ userId, capabilityId: "license" })).rejects.toMatchObject({ code: "invalid" });
  });

  test("packs list in expiry order and report expiry", async () => {
    await grantPack({
      userId,
      capabilityId: "plate",
      calls: 5,
      expiresAt: new Date(Date.now() - 1000),
      validFrom: new Date(Date.now() - 86_400_000),
    });
    await grantPack({ userId, capabilityId: "plate", calls: 7, used: 2, validDays: 30 });
    const packs = await listPacks({ userId, capabilityId: "plate" });
    expect(packs.map((p) => [p.total, p.remaining, p.expired])).toEqual([
      [5, 5, true],
      [7, 5, false],
    ]);
  });

  test.each([
    { calls: 0, used: 0 },
    { calls: 5, used: 6 },
    { calls: 2.5, used: 0 },
  ])("grantPack rejects calls=$calls used=$used", async ({ calls, used }) => {
    await expect(grantPack({ userId, capabilityId: "general", calls, used })).rejects.toMatchObject({ code: "invalid" });
  });
});
