import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { env, secureCookies } from "@/lib/env";
import { loadOrCreateServerKey } from "@/lib/crypto/server-key";
import { authenticateUser } from "@/lib/data/users";
import { createConsoleSession, deleteConsoleSession, SESSION_MAX_AGE_S } from "@/lib/data/console-sessions";
import { loginRateLimitedError, loginSchema } from "@/lib/validation/auth";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { loginFailed, loginSucceeded, reserveLoginAttempt } from "@/lib/auth/login-throttle";
import { isRefused } from "@/lib/limits/attempts";
import { logger } from "@/lib/observability/logger";

export const authOptions: NextAuthOptions = {
  secret: loadOrCreateServerKey("auth.key", env.AUTH_SECRET).toString("hex"),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  // Explicit rather than next-auth's guess from NEXTAUTH_URL: `Secure` cookies exactly when PUBLIC_URL is https.
  useSecureCookies: secureCookies,
  pages: { signIn: "/login" },
  // next-auth warns at the first sign-in when NEXTAUTH_URL is unset. The console never follows the
  // URLs it would build from it (sign-in and sign-out run with redirect: false and navigate by path;
  // PUBLIC_URL sets it where it matters, lib/env.ts), so that warning is noise a newcomer takes for
  // an error; any other warning goes to the JSON log.
  logger: {
    warn(code) {
      if (code !== "NEXTAUTH_URL") logger.warn({ code }, "next-auth warning");
    },
  },
  providers: [
    CredentialsProvider({
      name: "邮箱密码",
      credentials: { email: { label: "邮箱", type: "email" }, password: { label: "密码", type: "password" } },
      async authorize(credentials, req) {
        const parsed = loginSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
        const ip = clientIpFromHeaders((name) => headers[name]);
        const { email, password } = parsed.data;
        const attempt = await reserveLoginAttempt({ email, ip });
        if (isRefused(attempt)) throw new Error(loginRateLimitedError(attempt.retryAfterSeconds));
        const user = await authenticateUser({ email, password });
        if (!user) {
          await loginFailed(attempt);
          return null;
        }
        await loginSucceeded(attempt);
        // Each sign-in is a session row the user can see and revoke (lib/data/console-sessions.ts).
        const sid = await createConsoleSession({ userId: user.id, userAgent: headers["user-agent"] ?? "", ip });
        return { id: user.id, email: user.email, name: user.name, sid };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = user.sid;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sid === "string") session.sid = token.sid;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.uid === "string" && typeof token.sid === "string")
        await deleteConsoleSession({ userId: token.uid, sessionId: token.sid });
    },
  },
};
