import { expect, test } from "vitest";

import { recordStage, timeStage, withStageTimes } from "./stage-times";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

test("concurrent calls each see only their own stage times, across awaits", async () => {
  const call = (ms: number) =>
    withStageTimes(async (times) => {
      await tick();
      recordStage("queue", ms);
      await timeStage("decode", tick);
      return times;
    });
  const [a, b] = await Promise.all([call(10), call(20)]);
  expect(a.entries().map(([stage]) => stage)).toEqual(["decode", "queue"]);
  expect(Object.fromEntries(a.entries()).queue).toBe(10);
  expect(Object.fromEntries(b.entries()).queue).toBe(20);
  expect(Object.fromEntries(a.entries()).decode).toBeGreaterThan(0);
});

test("outside an API call recording is a no-op", async () => {
  expect(() => recordStage("detection", 5)).not.toThrow();
  await expect(timeStage("decode", async () => 7)).resolves.toBe(7);
});
