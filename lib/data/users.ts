import "server-only";

import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/crypto/password";
import { normalizeEmail } from "@/lib/validation/auth";

export interface UserDto {
  id: string;
  email: string;
  name: string;
  createdAt: Date;
}

const userSelect = { id: true, email: true, name: true, createdAt: true } as const;

export async function createUser(opts: { email: string; password: string; name?: string }): Promise<UserDto> {
  try {
    return await db.user.create({
      data: { email: normalizeEmail(opts.email), name: opts.name ?? "", passwordHash: await hashPassword(opts.password) },
      select: userSelect,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", `User ${opts.email} exists`, "该邮箱已注册");
    throw err;
  }
}

export function getUserByEmail(opts: { email: string }): Promise<UserDto | null> {
  return db.user.findUnique({ where: { email: normalizeEmail(opts.email) }, select: userSelect });
}

export async function getUserByEmailOrThrow(opts: { email: string }): Promise<UserDto> {
  const user = await getUserByEmail(opts);
  if (!user) throw new AppError("not_found", `No user ${opts.email}`, "用户不存在");
  return user;
}

/** The user when the password matches, else null (same answer for unknown email and wrong password). */
export async function authenticateUser(opts: { email: string; password: string }): Promise<UserDto | null> {
  const row = await db.user.findUnique({ where: { email: normalizeEmail(opts.email) } });
  if (!row) {
    await hashPassword(opts.password); // equalise timing with the "wrong password" path
    return null;
  }
  if (!(await verifyPassword(opts.password, row.passwordHash))) return null;
  return { id: row.id, email: row.email, name: row.name, createdAt: row.createdAt };
}

export async function checkUserPassword(opts: { userId: string; password: string }): Promise<boolean> {
  const row = await db.user.findUnique({ where: { id: opts.userId }, select: { passwordHash: true } });
  return row ? verifyPassword(opts.password, row.passwordHash) : false;
}

export const countUsers = () => db.user.count();

/**
 * Sets a new password and ends every other console session of the user in the same transaction:
 * whoever else held a session (a stolen cookie, a forgotten browser) is signed out with the old password.
 */
export async function changeUserPassword(opts: {
  userId: string;
  newPassword: string;
  keepSessionId: string;
}): Promise<{ signedOut: number }> {
  const passwordHash = await hashPassword(opts.newPassword);
  const [, ended] = await db.$transaction([
    db.user.update({ where: { id: opts.userId }, data: { passwordHash } }),
    db.consoleSession.deleteMany({ where: { userId: opts.userId, id: { not: opts.keepSessionId } } }),
  ]);
  return { signedOut: ended.count };
}
