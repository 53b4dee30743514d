import { expect, test } from "vitest";

import { isFiltered, monitoringSearch, parseMonitoringFilters } from "./monitoring-filters";

test("filters round-trip through the URL; defaults stay out of it", () => {
  const f = {
    range: "7d" as const,
    appId: "app1",
    capabilityId: "plate" as const,
    status: "failure" as const,
    requestId: "abc",
    pageSize: 50,
  };
  const search = monitoringSearch(f);
  expect(search).toBe("?range=7d&appId=app1&capabilityId=plate&status=failure&requestId=abc&pageSize=50");
  expect(parseMonitoringFilters(new URLSearchParams(search), ["app1"])).toEqual(f);
  expect(monitoringSearch(parseMonitoringFilters(new URLSearchParams(""), []))).toBe("");
});

test("invalid values and apps that are not the user's fall back to the defaults", () => {
  const f = parseMonitoringFilters(new URLSearchParams("range=1y&appId=other&capabilityId=x&status=maybe&pageSize=7"), ["app1"]);
  expect(f).toEqual({ range: "24h", appId: undefined, capabilityId: undefined, status: undefined, requestId: undefined, pageSize: 20 });
  expect(isFiltered(f)).toBe(false);
  expect(isFiltered({ ...f, status: "failure" })).toBe(true);
});
