import { createHash } from "node:crypto";

import { describe, expect, test } from "vitest";

import { assertDeclaredLengthWithin, readBodyWithLimit, reserveBody } from "./body-reader";
import { GatewayError } from "@/lib/errors/gateway-errors";
import { InFlightBudget } from "./in-flight-budget";

function streamingRequest(chunks: number[], onPull: () => void = () => {}, headers: Record<string, string> = {}) {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull();
      if (i < chunks.length) controller.enqueue(new Uint8Array(chunks[i]!).fill(65 + i++));
      else controller.close();
    },
  });
  return new Request("http://x/", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

const roomy = () => new InFlightBudget({ units: Infinity, bytes: 1 << 20 }).tryAcquire(0, 0)!;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("readBodyWithLimit", () => {
  test("returns every byte within the limit, in order, with its sha256", async () => {
    const body = await readBodyWithLimit(streamingRequest([3, 4]), 7, roomy());
    expect(Buffer.from(body.bytes).toString()).toBe("AAABBBB");
    expect(body.sha256).toBe(sha256(Buffer.from("AAABBBB")));
  });

  test("a body with a Content-Length lands in one buffer of that size", async () => {
    const body = await readBodyWithLimit(new Request("http://x/", { method: "POST", body: "hello" }), 10, roomy());
    expect(Buffer.from(body.bytes).toString()).toBe("hello");
    expect(body.bytes.buffer.byteLength).toBe(5);
  });

  test("an empty body is zero bytes", async () => {
    const body = await readBodyWithLimit(new Request("http://x/", { method: "POST" }), 10, roomy());
    expect(body.bytes.byteLength).toBe(0);
    expect(body.sha256).toBe(sha256(new Uint8Array(0)));
  });

  test("stops reading as soon as the count passes the limit: 413 / 40013", async () => {
    let pulls = 0;
    const error = await readBodyWithLimit(
      streamingRequest([6, 6, 6, 6], () => pulls++),
      10,
      roomy(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe(40013);
    expect((error as GatewayError).httpStatus).toBe(413);
    expect(pulls).toBeLessThan(4);
  });

  test("a chunked body grows its lease as it streams and gets 503 / 50010 once the budget is full", async () => {
    const budget = new InFlightBudget({ units: Infinity, bytes: 10 });
    const other = budget.tryAcquire(0, 4)!;
    const lease = reserveBody(new Headers(), budget);
    let pulls = 0;
    const error = await readBodyWithLimit(
      streamingRequest([3, 3, 3, 3], () => pulls++),
      100,
      lease,
    ).catch((e: unknown) => e);
    expect((error as GatewayError).code).toBe(50010);
    expect((error as GatewayError).httpStatus).toBe(503);
    expect(pulls).toBeLessThan(4);
    expect(budget.inUse().bytes).toBe(10);
    lease.release();
    other.release();
    expect(budget.inUse().bytes).toBe(0);
  });
});

describe("reserveBody", () => {
  test("reserves the declared length before reading, 503 / 50010 with Retry-After when it does not fit", async () => {
    const budget = new InFlightBudget({ units: Infinity, bytes: 10 });
    const lease = reserveBody(new Headers({ "content-length": "8" }), budget);
    expect(budget.inUse().bytes).toBe(8);
    const error = (() => {
      try {
        reserveBody(new Headers({ "content-length": "3" }), budget);
      } catch (e) {
        return e as GatewayError;
      }
    })();
    expect(error?.code).toBe(50010);
    const response = error!.toResponse();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.json()).toMatchObject({ statusCode: 50010, message: "服务繁忙，请稍后重试", error: "EOP_50010" });
    lease.release();
    expect(budget.inUse().bytes).toBe(0);
  });
});

test("a declared Content-Length above the limit is refused before reading", async () => {
  expect(() => assertDeclaredLengthWithin(new Headers({ "content-length": "11" }), 10)).toThrow(GatewayError);
  expect(() => assertDeclaredLengthWithin(new Headers({ "content-length": "10" }), 10)).not.toThrow();
  expect(() => assertDeclaredLengthWithin(new Headers(), 10)).not.toThrow();
  let refused: unknown;
  try {
    assertDeclaredLengthWithin(new Headers({ "content-length": "11" }), 10);
  } catch (err) {
    refused = err;
  }
  const response = (refused as GatewayError).toResponse();
  expect(response.status).toBe(413);
  expect(await response.json()).toEqual({
    statusCode: 40013,
    message: "请求体过大",
    error: "EOP_40013",
    details: "request body over 10 bytes",
  });
});
