import { describe, expect, test } from "vitest";

import { eopDateAcceptableUntil, isEopDateAcceptable, minutesOutsideWindow, parseEopDate } from "./eop-date";

const MIN = 60_000;
const now = Date.UTC(2024, 0, 2, 3, 4, 5);
const window = { skewMinutes: 15, clientUtcOffsetMinutes: 480 };

describe("parseEopDate", () => {
  test("reads the digits as UTC", () => {
    expect(parseEopDate("20240102T030405Z")).toBe(now);
  });
  test.each(["", "20240102T030405", "2024-01-02T03:04:05Z", "20240231T000000Z", "20240102T250000Z", "20240102t030405z"])(
    "rejects %j",
    (v) => {
      expect(parseEopDate(v)).toBeNull();
    },
  );
});

describe("isEopDateAcceptable", () => {
  test.each([
    ["UTC now", 0, true],
    ["UTC +15 min", 15 * MIN, true],
    ["UTC −15 min", -15 * MIN, true],
    ["UTC +16 min", 16 * MIN, false],
    ["UTC+8 local time", 480 * MIN, true],
    ["UTC+8 local time, 14 min slow", (480 - 14) * MIN, true],
    ["UTC+8 local time, 16 min fast", (480 + 16) * MIN, false],
    ["UTC+4", 240 * MIN, false],
  ])("%s", (_name, delta, expected) => {
    expect(isEopDateAcceptable(now + delta, now, window)).toBe(expected);
  });

  test("the client time zone window can be switched off", () => {
    expect(isEopDateAcceptable(now + 480 * MIN, now, { ...window, clientUtcOffsetMinutes: null })).toBe(false);
  });
});

describe("eopDateAcceptableUntil", () => {
  test("a UTC+8 window keeps ids until the UTC reading of the date expires", () => {
    expect(eopDateAcceptableUntil(now, window)).toBe(now + 15 * MIN);
  });
  test("a negative offset keeps them longer", () => {
    expect(eopDateAcceptableUntil(now, { skewMinutes: 15, clientUtcOffsetMinutes: -300 })).toBe(now + 315 * MIN);
  });
  test("every instant at which the date is accepted is before the expiry", () => {
    const until = eopDateAcceptableUntil(now, window);
    for (let t = now - 600 * MIN; t <= now + 600 * MIN; t += MIN) {
      if (isEopDateAcceptable(now, t, window)) expect(t).toBeLessThanOrEqual(until);
    }
  });
});

describe("minutesOutsideWindow", () => {
  test("how far a refused date misses the nearest window, in whole minutes", () => {
    expect(minutesOutsideWindow(now - 30 * MIN, now, window)).toBe(15);
    expect(minutesOutsideWindow(now + (480 + 16) * MIN + 1, now, window)).toBe(2);
    expect(minutesOutsideWindow(now + 15 * MIN + 1000, now, window)).toBe(1);
    expect(minutesOutsideWindow(now + 480 * MIN, now, { skewMinutes: 15, clientUtcOffsetMinutes: null })).toBe(465);
  });
});
