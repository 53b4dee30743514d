import { describe, expect, it } from "vitest";

import { isRefused, reserveAttempt, sharedLimiter } from "./attempts";

describe("attempt reservations", () => {
  it("lets exactly `points` of many parallel attempts through (counted before the work runs)", async () => {
    const limiter = sharedLimiter({ keyPrefix: "test:parallel", points: 5, durationSeconds: 60 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => reserveAttempt(limiter, "k")));
    expect(answers.filter((a) => !isRefused(a))).toHaveLength(5);
    const refused = answers.filter(isRefused);
    expect(refused).toHaveLength(15);
    for (const r of refused) expect(r.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(await reserveAttempt(limiter, "other")).toEqual({ remainingPoints: 4 });
  });

  it("shares one limiter per key prefix, so every caller counts against the same budget", () => {
    const a = sharedLimiter({ keyPrefix: "test:shared", points: 1, durationSeconds: 60 });
    expect(sharedLimiter({ keyPrefix: "test:shared", points: 1, durationSeconds: 60 })).toBe(a);
    expect(sharedLimiter({ keyPrefix: "test:other", points: 1, durationSeconds: 60 })).not.toBe(a);
  });

  it("throws a store failure instead of reading it as allowed", async () => {
    const broken = { consume: () => Promise.reject(new Error("redis away")) } as unknown as Parameters<typeof reserveAttempt>[0];
    await expect(reserveAttempt(broken, "k")).rejects.toThrow("redis away");
  });
});
