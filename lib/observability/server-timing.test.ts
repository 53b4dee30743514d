import { expect, test } from "vitest";

import { formatServerTiming } from "./server-timing";
import { StageTimes } from "./stage-times";

test("stages that ran, in pipeline order, then the total; one decimal of a millisecond", () => {
  const times = new StageTimes();
  times.add("metering", 2.04);
  times.add("gateway", 1.25);
  times.add("decode", 3);
  times.add("decode", 4.5);
  expect(formatServerTiming(times, 20)).toBe("gateway;dur=1.3, decode;dur=7.5, metering;dur=2.0, total;dur=20.0");
});

test("an answer refused before any stage still carries the total", () => {
  expect(formatServerTiming(new StageTimes(), 0.42)).toBe("total;dur=0.4");
});
