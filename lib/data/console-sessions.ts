import "server-only";

import { randomBytes } from "node:crypto";

import { db } from "@/lib/db";

// The server-side half of a console login. next-auth's Credentials provider only allows JWT
// sessions, which cannot be taken back; the JWT therefore carries a session id, and a cookie
// counts only while its row exists and has not expired. Deleting rows is how a session is revoked.

/** How long an idle session lives; each use slides it (like next-auth's own cookie maxAge). */
export const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;
/** lastSeenAt/expiresAt are written at most this often per session, not on every page view. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;
const USER_AGENT_MAX = 512;

export interface ConsoleSessionDto {
  id: string;
  userAgent: string;
  ip: string;
  createdAt: Date;
  lastSeenAt: Date;
}

export interface LiveSession {
  sessionId: string;
  user: { id: string; email: string; name: string };
}

const expiry = (now: Date) => new Date(now.getTime() + SESSION_MAX_AGE_S * 1000);

/** Opens a session at sign-in; drops the user's expired rows on the way. */
export async function createConsoleSession(opts: { userId: string; userAgent: string; ip: string; now?: Date }): Promise<string> {
  const now = opts.now ?? new Date();
  const id = randomBytes(24).toString("base64url");
  await db.$transaction([
    db.consoleSession.deleteMany({ where: { userId: opts.userId, expiresAt: { lt: now } } }),
    db.consoleSession.create({
      data: {
        id,
        userId: opts.userId,
        userAgent: opts.userAgent.slice(0, USER_AGENT_MAX),
        ip: opts.ip,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: expiry(now),
      },
    }),
  ]);
  return id;
}

/** The session's user when the session is live (exists, is this user's, not expired); slides its expiry. */
export async function resolveConsoleSession(opts: { sessionId: string; userId: string; now?: Date }): Promise<LiveSession | null> {
  const now = opts.now ?? new Date();
  const row = await db.consoleSession.findUnique({
    where: { id: opts.sessionId },
    select: { userId: true, lastSeenAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!row || row.userId !== opts.userId || row.expiresAt <= now) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    // updateMany: a row revoked in between is simply not found (no throw).
    await db.consoleSession.updateMany({ where: { id: opts.sessionId }, data: { lastSeenAt: now, expiresAt: expiry(now) } });
  }
  return { sessionId: opts.sessionId, user: row.user };
}

/** The user's live sessions, most recently used first. */
export function listConsoleSessions(opts: { userId: string; now?: Date }): Promise<ConsoleSessionDto[]> {
  return db.consoleSession.findMany({
    where: { userId: opts.userId, expiresAt: { gt: opts.now ?? new Date() } },
    select: { id: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true },
    orderBy: { lastSeenAt: "desc" },
  });
}

/** Ends one of the user's sessions; false when it is not theirs (or already gone). */
export async function deleteConsoleSession(opts: { userId: string; sessionId: string }): Promise<boolean> {
  const { count } = await db.consoleSession.deleteMany({ where: { id: opts.sessionId, userId: opts.userId } });
  return count > 0;
}

/** Ends every session of the user but `keepSessionId`; the number ended. */
export async function deleteOtherConsoleSessions(opts: { userId: string; keepSessionId: string }): Promise<number> {
  const { count } = await db.consoleSession.deleteMany({ where: { userId: opts.userId, id: { not: opts.keepSessionId } } });
  return count;
}
