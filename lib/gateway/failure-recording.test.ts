import { expect, test } from "vitest";

import { failureRecordBudget } from "./failure-recording";

test("per app: a burst of 100 rows, then 2 per second; other apps keep their share", () => {
  let now = 1_000_000;
  const budget = failureRecordBudget(() => now);
  const taken = (appId: string, n: number) => Array.from({ length: n }, () => budget.take(appId)).filter(Boolean).length;
  expect(taken("flooded", 150)).toBe(100);
  expect(taken("quiet", 10)).toBe(10);
  now += 1_000;
  expect(taken("flooded", 10)).toBe(2);
});

test("the instance's budget bounds every app together", () => {
  let now = 1_000_000;
  const budget = failureRecordBudget(() => now);
  let written = 0;
  for (let app = 0; app < 30; app++) for (let i = 0; i < 100; i++) written += budget.take(`app-${app}`) ? 1 : 0;
  expect(written).toBe(1000);
  now += 1_000;
  written = 0;
  for (let app = 30; app < 40; app++) for (let i = 0; i < 100; i++) written += budget.take(`app-${app}`) ? 1 : 0;
  expect(written).toBe(200);
});
