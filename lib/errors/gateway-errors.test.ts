import { expect, test } from "vitest";

import { abbreviateKey, fillDetails, GATEWAY_ERRORS, GatewayError, serviceBusy } from "./gateway-errors";

test("every code names its checks in details; statusCode, message and error stay the contract's", () => {
  for (const [key, row] of Object.entries(GATEWAY_ERRORS)) {
    expect(Object.keys(row.details).length, key).toBeGreaterThan(0);
    for (const reason of Object.keys(row.details)) {
      const body = new GatewayError(Number(key) as keyof typeof GATEWAY_ERRORS, reason as never).toJSON();
      expect(body).toMatchObject({ statusCode: Number(key), message: row.message, error: `EOP_${key}` });
      expect(body.details).toBeTruthy();
    }
  }
});

test("details templates are filled with the check's values", () => {
  const stale = new GatewayError(10020, "dateOutsideWindow", { values: { skew: 15, minutes: 17 } });
  expect(stale.toJSON()).toEqual({
    statusCode: 10020,
    message: "签名错误",
    error: "EOP_10020",
    details: "eop-date outside the accepted window (±15 min) by 17 min",
  });
  expect(new GatewayError(10020, "requestIdReused").details).toBe("ctyun-eop-request-id already used with this access key");
  expect(new GatewayError(10002, "disabledKey", { values: { accessKey: abbreviateKey("AKIDabcdefgh1234") } }).details).toBe(
    "access key AKID…34 is disabled",
  );
  expect(fillDetails("{a} and {b}", { a: 1 })).toBe("1 and {b}");
});

test("a reason may carry its own HTTP status (40008: 405 for the method, 415 for the Content-Type)", () => {
  expect(new GatewayError(40008, "contentType", { values: { type: "text/plain" } }).httpStatus).toBe(415);
  expect(new GatewayError(40008, "method").httpStatus).toBe(405);
  expect(serviceBusy(0.2, "database").toJSON().details).toBe("database unavailable");
});
