import { expect, test } from "vitest";

import { childExitStatus } from "./exit-status.mjs";

test("a server killed by a signal makes npm start fail (was exit 0)", () => {
  expect(childExitStatus(null, "SIGKILL")).toBe(137);
  expect(childExitStatus(null, "SIGTERM")).toBe(143);
  expect(childExitStatus(null, null)).not.toBe(0);
});

test("the server's own exit code is passed on", () => {
  expect(childExitStatus(0, null)).toBe(0);
  expect(childExitStatus(1, null)).toBe(1);
});
