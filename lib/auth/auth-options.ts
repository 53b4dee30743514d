import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { env } from "@/lib/env";
import { loadOrCreateServerKey } from "@/lib/crypto/server-key";
import { authenticateUser } from "@/lib/data/users";
import { loginSchema } from "@/lib/validation/auth";
import { clearLoginFailures, clientIpFromHeaders, isLoginRateLimited, recordLoginFailure } from "@/lib/auth/rate-limit";

/** Error text the login form shows when the rate limit answers (next-auth passes it through as `error`). */
export const LOGIN_RATE_LIMITED = "RATE_LIMITED";

const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: loadOrCreateServerKey("auth.key", env.AUTH_SECRET).toString("hex"),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login" },
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
        if (await isLoginRateLimited({ email, ip })) throw new Error(LOGIN_RATE_LIMITED);
        const user = await authenticateUser({ email, password });
        if (!user) {
          await recordLoginFailure({ email, ip });
          return null;
        }
        await clearLoginFailures({ email });
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
};
