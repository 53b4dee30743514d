import { expect, test } from "vitest";

import { InFlightBudget } from "./in-flight-budget";

test("admits while units and bytes fit, refuses without taking anything once either is full", () => {
  const budget = new InFlightBudget({ units: 3, bytes: 100 });
  const a = budget.tryAcquire(2, 60);
  expect(a).not.toBeNull();
  expect(budget.tryAcquire(2, 10)).toBeNull(); // units
  expect(budget.tryAcquire(1, 50)).toBeNull(); // bytes
  expect(budget.inUse()).toEqual({ units: 2, bytes: 60 });
  expect(budget.tryAcquire(1, 40)).not.toBeNull();
  expect(budget.inUse()).toEqual({ units: 3, bytes: 100 });
});

test("release is idempotent: the counters never go negative", () => {
  const budget = new InFlightBudget({ units: 2, bytes: 10 });
  const lease = budget.tryAcquire(1, 5)!;
  lease.release();
  lease.release();
  expect(budget.inUse()).toEqual({ units: 0, bytes: 0 });
  const other = budget.tryAcquire(2, 10)!;
  lease.release();
  expect(budget.inUse()).toEqual({ units: 2, bytes: 10 });
  other.release();
  expect(budget.inUse()).toEqual({ units: 0, bytes: 0 });
});

test("a lease grows while bytes fit and gives back everything it grew", () => {
  const budget = new InFlightBudget({ units: Infinity, bytes: 10 });
  const lease = budget.tryAcquire(0, 4)!;
  expect(lease.grow(5)).toBe(true);
  expect(lease.grow(2)).toBe(false);
  expect(budget.inUse().bytes).toBe(9);
  lease.release();
  expect(lease.grow(1)).toBe(false);
  expect(budget.inUse().bytes).toBe(0);
});

test("a lease released in `finally` is returned when the work throws", async () => {
  const budget = new InFlightBudget({ units: 1, bytes: 1 });
  const work = async () => {
    const lease = budget.tryAcquire(1, 1)!;
    try {
      throw new Error("recognition failed");
    } finally {
      lease.release();
    }
  };
  await expect(work()).rejects.toThrow("recognition failed");
  expect(budget.inUse()).toEqual({ units: 0, bytes: 0 });
});
