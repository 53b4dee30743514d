import { describe, expect, test } from "vitest";

import { parseTrustedProxies } from "@/lib/net/addresses.mjs";

import { resolveClientAddress } from "./client-address.mjs";

// Review M2: behind a trusted proxy that appends (nginx $proxy_add_x_forwarded_for), the client
// is the right-most hop that is not a trusted proxy, never what the client wrote first.
const loopback = parseTrustedProxies("127.0.0.1,::1");
const lan = parseTrustedProxies("127.0.0.1,::1,10.0.0.0/8");

describe("resolveClientAddress", () => {
  test.each([
    [
      "untrusted peer: its own address, claims ignored",
      { peer: "198.51.100.7", forwardedFor: "10.0.0.7", realIp: "10.0.0.8" },
      "198.51.100.7",
    ],
    ["untrusted IPv4-mapped peer", { peer: "::ffff:198.51.100.7", forwardedFor: "10.0.0.7" }, "198.51.100.7"],
    ["trusted peer, client spoofs a first hop", { peer: "127.0.0.1", forwardedFor: "6.6.6.6, 203.0.113.9" }, "203.0.113.9"],
    ["trusted peer, one hop", { peer: "::ffff:127.0.0.1", forwardedFor: "203.0.113.9" }, "203.0.113.9"],
    ["trusted peer, trusted hops skipped", { peer: "127.0.0.1", forwardedFor: "6.6.6.6, 203.0.113.9, 127.0.0.1, ::1" }, "203.0.113.9"],
    ["trusted peer, IPv6 client", { peer: "::1", forwardedFor: "2001:db8::5" }, "2001:db8::5"],
    ["bracketed hop", { peer: "::1", forwardedFor: "[2001:db8::5]" }, "2001:db8::5"],
    ["every hop trusted: the left-most", { peer: "127.0.0.1", forwardedFor: "127.0.0.1, ::1" }, "127.0.0.1"],
    ["garbage where the client should be: unknown", { peer: "127.0.0.1", forwardedFor: "203.0.113.9, not-an-ip" }, ""],
    ["garbage left of the client is ignored", { peer: "127.0.0.1", forwardedFor: "<script>, 203.0.113.9" }, "203.0.113.9"],
    ["no X-Forwarded-For: X-Real-IP from a trusted peer", { peer: "127.0.0.1", realIp: "203.0.113.4" }, "203.0.113.4"],
    ["empty X-Forwarded-For: X-Real-IP", { peer: "127.0.0.1", forwardedFor: " , ", realIp: "203.0.113.4" }, "203.0.113.4"],
    ["X-Real-IP garbage: the peer", { peer: "127.0.0.1", realIp: "nope" }, "127.0.0.1"],
    ["nothing sent: the peer", { peer: "127.0.0.1" }, "127.0.0.1"],
    ["socket already gone", { peer: undefined, forwardedFor: "203.0.113.9" }, ""],
  ])("%s", (_name, request, expected) => {
    expect(resolveClientAddress({ forwardedFor: undefined, realIp: undefined, ...request }, loopback)).toBe(expected);
  });

  test("a chain of trusted proxies (CIDR) is walked through", () => {
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.9, 10.0.0.1", realIp: undefined }, lan)).toBe(
      "203.0.113.9",
    );
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.9, 10.0.0.1", realIp: undefined }, loopback)).toBe(
      "10.0.0.2",
    );
  });
});
