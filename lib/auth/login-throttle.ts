import "server-only";

import { isRefused, reserveAttempt, sharedLimiter, type Refused } from "@/lib/limits/attempts";
import { normalizeEmail } from "@/lib/validation/auth";

// Login throttling that an attacker cannot turn against the account's owner:
// - per (account, IP): 5 failures, then a lock that doubles with every lock of that pair within a
//   day (1 min, 2, 4 … capped at 24 h). Another IP (the owner at home) has its own fresh budget.
// - per IP, across accounts: a looser fixed limit against one address spraying many accounts.
// There is deliberately no per-account-only lock. Unknown e-mails are counted exactly like real
// ones, so the limits reveal nothing about which accounts exist.
// Each attempt is reserved (counted) before the password is checked; a success gives it back.

export const LOGIN_ATTEMPTS_PER_ACCOUNT_IP = 5;
export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const LOGIN_ATTEMPTS_PER_IP = 30;
export const LOGIN_FIRST_LOCK_SECONDS = 60;
export const LOGIN_MAX_LOCK_SECONDS = 24 * 60 * 60;

const perAccountIp = () =>
  sharedLimiter({ keyPrefix: "login:account-ip", points: LOGIN_ATTEMPTS_PER_ACCOUNT_IP, durationSeconds: LOGIN_WINDOW_SECONDS });
const perIp = () => sharedLimiter({ keyPrefix: "login:ip", points: LOGIN_ATTEMPTS_PER_IP, durationSeconds: LOGIN_WINDOW_SECONDS });
// How many times a pair has been locked within the last day: the exponent of its next lock.
const locks = () => sharedLimiter({ keyPrefix: "login:locks", points: 1_000_000, durationSeconds: LOGIN_MAX_LOCK_SECONDS });

const pairKey = (email: string, ip: string) => `${normalizeEmail(email)}|${ip}`;

/** The lock after the n-th lockout of a pair (n ≥ 1): doubling, capped. */
export const lockSeconds = (lockout: number) => Math.min(LOGIN_FIRST_LOCK_SECONDS * 2 ** (lockout - 1), LOGIN_MAX_LOCK_SECONDS);

export interface LoginAttempt {
  email: string;
  ip: string;
  /** The pair's points left after this attempt: 0 means a failure now locks the pair. */
  pairRemaining: number;
}

/** Counts an attempt before the password is checked; a Refused answer means "do not check it". */
export async function reserveLoginAttempt(opts: { email: string; ip: string }): Promise<LoginAttempt | Refused> {
  const [pair, ip] = await Promise.all([reserveAttempt(perAccountIp(), pairKey(opts.email, opts.ip)), reserveAttempt(perIp(), opts.ip)]);
  if (isRefused(pair)) return pair;
  if (isRefused(ip)) return ip;
  return { email: opts.email, ip: opts.ip, pairRemaining: pair.remainingPoints };
}

/** The right password: the pair starts afresh and the attempt does not count against the IP. */
export async function loginSucceeded(attempt: LoginAttempt): Promise<void> {
  await Promise.all([perAccountIp().delete(pairKey(attempt.email, attempt.ip)), perIp().reward(attempt.ip, 1)]);
}

/** A wrong password (or unknown e-mail): the last allowed failure locks the pair, longer each time. */
export async function loginFailed(attempt: LoginAttempt): Promise<void> {
  if (attempt.pairRemaining > 0) return;
  const key = pairKey(attempt.email, attempt.ip);
  const lockout = (await locks().penalty(key, 1)).consumedPoints;
  await perAccountIp().block(key, lockSeconds(lockout));
}
