import { expect, test } from "vitest";

import { formatAxisBytes, formatAxisMs } from "./format";

// ux.md bug 14: the traffic chart's top label "17.17 MB" wrapped and was cut off in the 56 px axis.
test("axis labels are short enough for the axis at every magnitude", () => {
  const MB = 1024 * 1024;
  expect(formatAxisBytes(17.17 * MB)).toBe("17 MB");
  expect(formatAxisBytes(1.5 * MB)).toBe("1.5 MB");
  expect(formatAxisBytes(999 * 1024)).toBe("999 KB");
  expect(formatAxisBytes(1000 * 1024)).toBe("1 MB");
  expect(formatAxisBytes(0)).toBe("0 B");
  expect(formatAxisMs(4440)).toBe("4.4 s");
  expect(formatAxisMs(850)).toBe("850 ms");
  for (let exp = 0; exp < 40; exp++) {
    const value = 1.37 ** exp * 3;
    expect(formatAxisBytes(value * 1000).length, String(value)).toBeLessThanOrEqual(7);
    expect(formatAxisMs(value).length, String(value)).toBeLessThanOrEqual(7);
  }
});
