import { describe, expect, test } from "vitest";

import { assertDeclaredLengthWithin, readBodyWithLimit } from "./body-reader";
import { GatewayError } from "./errors";

function streamingRequest(chunks: number[], onPull: () => void = () => {}) {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull();
      if (i < chunks.length) controller.enqueue(new Uint8Array(chunks[i++]!).fill(65));
      else controller.close();
    },
  });
  return new Request("http://x/", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("readBodyWithLimit", () => {
  test("returns every byte within the limit", async () => {
    const body = await readBodyWithLimit(streamingRequest([3, 4]), 7);
    expect(body.byteLength).toBe(7);
  });

  test("an empty body is zero bytes", async () => {
    expect((await readBodyWithLimit(new Request("http://x/", { method: "POST" }), 10)).byteLength).toBe(0);
  });

  test("stops reading as soon as the count passes the limit: 413 / 40013", async () => {
    let pulls = 0;
    const error = await readBodyWithLimit(streamingRequest([6, 6, 6, 6], () => pulls++), 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe(40013);
    expect((error as GatewayError).httpStatus).toBe(413);
    expect(pulls).toBeLessThan(4);
  });
});

test("a declared Content-Length above the limit is refused before reading", async () => {
  expect(() => assertDeclaredLengthWithin(new Headers({ "content-length": "11" }), 10)).toThrow(GatewayError);
  expect(() => assertDeclaredLengthWithin(new Headers({ "content-length": "10" }), 10)).not.toThrow();
  expect(() => assertDeclaredLengthWithin(new Headers(), 10)).not.toThrow();
  const response = new GatewayError(40013).toResponse();
  expect(response.status).toBe(413);
  expect(await response.json()).toEqual({ statusCode: 40013, message: "请求体过大", error: "EOP_40013" });
});
