import "server-only";

import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authOptions } from "@/lib/auth/auth-options";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** The logged-in user, or null. Checks the user still exists (a deleted account's cookie is worthless). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
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
