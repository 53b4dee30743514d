import { expect, test } from "vitest";

import { sniffImageFormat } from "./sniff";

test.each([
  ["jpeg", [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "jpeg"],
  ["png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0], "png"],
  ["bmp", [0x42, 0x4d, 0, 0], "bmp"],
  ["gif", [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], null],
  ["text", [...Buffer.from("hello world")], null],
  ["empty", [], null],
  ["truncated png signature", [0x89, 0x50, 0x4e, 0x47], null],
] as const)("%s → %s", (_, bytes, expected) => {
  expect(sniffImageFormat(Uint8Array.from(bytes))).toBe(expected);
});
