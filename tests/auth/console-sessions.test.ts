import { beforeAll, describe, expect, test } from "vitest";

import { useTempDatabase } from "@/tests/support/temp-db";

// Console sessions against a real (temporary) database: a cookie counts only while its row lives,
// and a password change ends every session but the one that made it.

useTempDatabase();

type Sessions = typeof import("@/lib/data/console-sessions");
type Users = typeof import("@/lib/data/users");
let sessions: Sessions;
let users: Users;

beforeAll(async () => {
  sessions = await import("@/lib/data/console-sessions");
  users = await import("@/lib/data/users");
});

const open = (userId: string, now?: Date) =>
  sessions.createConsoleSession({ userId, userAgent: "Mozilla/5.0 Chrome/131", ip: "203.0.113.7", now });

describe("console sessions", () => {
  test("a password change signs out every other session and keeps the current one", async () => {
    const user = await users.createUser({ email: "change@example.com", password: "old-password-1" });
    const here = await open(user.id);
    const elsewhere = await open(user.id);
    expect(await sessions.resolveConsoleSession({ sessionId: elsewhere, userId: user.id })).not.toBeNull();

    expect(await users.changeUserPassword({ userId: user.id, newPassword: "new-password-2", keepSessionId: here })).toEqual({
      signedOut: 1,
    });

    expect(await sessions.resolveConsoleSession({ sessionId: elsewhere, userId: user.id })).toBeNull();
    expect((await sessions.resolveConsoleSession({ sessionId: here, userId: user.id }))?.user.email).toBe("change@example.com");
    expect(await users.authenticateUser({ email: "change@example.com", password: "old-password-1" })).toBeNull();
    expect(await users.authenticateUser({ email: "change@example.com", password: "new-password-2" })).not.toBeNull();
  });

  test("listing, revoking one, and no reach into another account", async () => {
    const me = await users.createUser({ email: "me@example.com", password: "password-1" });
    const other = await users.createUser({ email: "other@example.com", password: "password-1" });
    const a = await open(me.id);
    const b = await open(me.id);
    const theirs = await open(other.id);

    expect((await sessions.listConsoleSessions({ userId: me.id })).map((s) => s.id).sort()).toEqual([a, b].sort());
    expect(await sessions.deleteConsoleSession({ userId: me.id, sessionId: theirs })).toBe(false);
    expect(await sessions.resolveConsoleSession({ sessionId: theirs, userId: other.id })).not.toBeNull();
    // A session id presented with another user's id (a forged pairing) does not count.
    expect(await sessions.resolveConsoleSession({ sessionId: theirs, userId: me.id })).toBeNull();

    expect(await sessions.deleteConsoleSession({ userId: me.id, sessionId: b })).toBe(true);
    expect(await sessions.resolveConsoleSession({ sessionId: b, userId: me.id })).toBeNull();
    expect(await sessions.deleteOtherConsoleSessions({ userId: me.id, keepSessionId: a })).toBe(0);
  });

  test("an idle session expires; use slides its expiry", async () => {
    const user = await users.createUser({ email: "idle@example.com", password: "password-1" });
    const start = new Date("2026-01-01T00:00:00Z");
    const day = 24 * 60 * 60 * 1000;
    const idle = await open(user.id, start);
    const used = await open(user.id, start);

    expect(
      await sessions.resolveConsoleSession({ sessionId: used, userId: user.id, now: new Date(start.getTime() + 6 * day) }),
    ).not.toBeNull();
    const later = new Date(start.getTime() + 8 * day);
    expect(await sessions.resolveConsoleSession({ sessionId: idle, userId: user.id, now: later })).toBeNull();
    expect(await sessions.resolveConsoleSession({ sessionId: used, userId: user.id, now: later })).not.toBeNull();
    expect((await sessions.listConsoleSessions({ userId: user.id, now: later })).map((s) => s.id)).toEqual([used]);
  });
});
