import "server-only";

import { db } from "@/lib/db";

/** Failed logins allowed per e-mail address inside the window. */
export const LOGIN_MAX_FAILURES_PER_EMAIL = 5;
/** Failed logins allowed per client IP inside the window (several accounts behind one NAT). */
export const LOGIN_MAX_FAILURES_PER_IP = 20;
/** Sliding window, in minutes. */
export const LOGIN_WINDOW_MINUTES = 15;

const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;
const windowStart = () => new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);

/** True when this e-mail or this IP has used up its failed attempts for the window. */
export async function isLoginRateLimited(opts: { email: string; ip: string }): Promise<boolean> {
  const since = windowStart();
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { key: emailKey(opts.email), createdAt: { gt: since } } }),
    db.loginAttempt.count({ where: { key: ipKey(opts.ip), createdAt: { gt: since } } }),
  ]);
  return byEmail >= LOGIN_MAX_FAILURES_PER_EMAIL || byIp >= LOGIN_MAX_FAILURES_PER_IP;
}

export async function recordLoginFailure(opts: { email: string; ip: string }): Promise<void> {
  await db.loginAttempt.createMany({ data: [{ key: emailKey(opts.email) }, { key: ipKey(opts.ip) }] });
  // Housekeeping: rows older than the window never count again.
  await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 24 * 60 * 60_000) } } });
}

/** A successful login forgives that e-mail's earlier failures (the IP's stay). */
export async function clearLoginFailures(opts: { email: string }): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { key: emailKey(opts.email) } });
}

/** The client address from proxy headers, or "unknown". */
export function clientIpFromHeaders(get: (name: string) => string | null | undefined): string {
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip")?.trim() || "unknown";
}
