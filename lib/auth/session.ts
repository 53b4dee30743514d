import "server-only";

import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";

import { resolveConsoleSession } from "@/lib/data/console-sessions";
import { AppError } from "@/lib/errors";
import { authOptions } from "@/lib/auth/auth-options";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /** This browser's ConsoleSession (kept when the password changes, marked 当前 in the list). */
  sessionId: string;
}

/**
 * The logged-in user, or null. The cookie counts only while its session row lives: a revoked
 * session, one ended by a password change, or a deleted account's cookie is worthless.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  const sid = session?.sid;
  if (!id || !sid) return null;
  const live = await resolveConsoleSession({ sessionId: sid, userId: id });
  return live ? { ...live.user, sessionId: live.sessionId } : null;
});

/** For pages and server actions: the user, or a redirect to /login. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

/** For route handlers (JSON): the user, or an AppError the handler turns into 401. */
export async function requireApiUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthenticated", "No session", "请先登录");
  return user;
}
