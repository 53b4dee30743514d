import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { isRefused } from "@/lib/limits/attempts";
import {
  LOGIN_ATTEMPTS_PER_ACCOUNT_IP,
  LOGIN_ATTEMPTS_PER_IP,
  LOGIN_MAX_LOCK_SECONDS,
  lockSeconds,
  loginFailed,
  loginSucceeded,
  reserveLoginAttempt,
  type LoginAttempt,
} from "./login-throttle";

let n = 0;
const fresh = () => ({ email: `user${++n}@example.com`, ip: `198.51.100.${n % 250}-${n}` });

/** One login with a wrong password; the throttle's answer (null when the password was checked). */
async function fail(who: { email: string; ip: string }) {
  const attempt = await reserveLoginAttempt(who);
  if (isRefused(attempt)) return attempt;
  await loginFailed(attempt);
  return null;
}

describe("login throttle", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] }));
  afterEach(() => vi.useRealTimers());

  it("locks an (account, IP) pair after 5 failures, but not the account from another IP", async () => {
    const attacker = fresh();
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_ACCOUNT_IP; i++) expect(await fail(attacker)).toBeNull();
    const refused = await fail(attacker);
    expect(refused?.retryAfterSeconds).toBe(60);

    const victim = { email: attacker.email.toUpperCase(), ip: "203.0.113.7" };
    const attempt = await reserveLoginAttempt(victim);
    expect(isRefused(attempt)).toBe(false);
    // The same account spelled differently from the attacker's IP is the same pair.
    expect(isRefused(await reserveLoginAttempt({ email: ` ${attacker.email.toUpperCase()} `, ip: attacker.ip }))).toBe(true);
  });

  it("doubles the lock every time the pair is locked again", async () => {
    const who = fresh();
    const waits: number[] = [];
    for (let lock = 0; lock < 4; lock++) {
      for (let i = 0; i < LOGIN_ATTEMPTS_PER_ACCOUNT_IP; i++) expect(await fail(who)).toBeNull();
      const refused = await fail(who);
      waits.push(refused!.retryAfterSeconds);
      vi.advanceTimersByTime(refused!.retryAfterSeconds * 1000 + 1);
    }
    expect(waits).toEqual([60, 120, 240, 480]);
  });

  it("counts parallel attempts before any password is checked", async () => {
    const who = fresh();
    const attempts = await Promise.all(Array.from({ length: 12 }, () => reserveLoginAttempt(who)));
    expect(attempts.filter((a) => !isRefused(a))).toHaveLength(LOGIN_ATTEMPTS_PER_ACCOUNT_IP);
  });

  it("a right password clears the pair and does not count against the IP", async () => {
    const who = fresh();
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_ACCOUNT_IP - 1; i++) await fail(who);
    const ok = (await reserveLoginAttempt(who)) as LoginAttempt;
    await loginSucceeded(ok);
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_ACCOUNT_IP; i++) expect(await fail(who)).toBeNull();
  });

  it("limits one IP across accounts, loosely, and only that IP", async () => {
    const ip = "192.0.2.99";
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_IP; i++) expect(await fail({ email: `spray${i}@example.com`, ip })).toBeNull();
    expect(await fail({ email: "next@example.com", ip })).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(await fail({ email: "next@example.com", ip: "192.0.2.100" })).toBeNull();
  });

  it("caps the lock", () => {
    expect(lockSeconds(1)).toBe(60);
    expect(lockSeconds(3)).toBe(240);
    expect(lockSeconds(40)).toBe(LOGIN_MAX_LOCK_SECONDS);
  });
});
