import os from "node:os";
import path from "node:path";

import { databaseUrlOf, isPostgresUrl, loadEnv, parseEnv } from "./env/schema.mjs";

// The app's view of the environment: lib/env/schema.mjs reads and validates it (shared with the
// entry scripts); this module adds what is derived from it.
export { isPostgresUrl, parseEnv };

export type Env = ReturnType<typeof parseEnv>;

export const env: Env = loadEnv();

export const dataDir = path.resolve(env.DATA_DIR);

export const databaseUrl = databaseUrlOf(env);

/** The console's public origin, or undefined when unset (cookies then follow plain http). */
export const publicOrigin: string | undefined = env.PUBLIC_URL ?? env.NEXTAUTH_URL;

// next-auth reads NEXTAUTH_URL itself (its redirects and callback URLs): hand it the validated origin.
if (publicOrigin) process.env.NEXTAUTH_URL = publicOrigin;

/** Session cookies are `Secure` (and `__Secure-`/`__Host-` named) when the public URL is https. */
export const secureCookies = publicOrigin?.startsWith("https://") ?? false;

/**
 * Whether the built-in test payment provider (no money moves) takes orders. On for the embedded
 * default that `npm start` creates, so the product can be tried; off once an operator configures a
 * deployment (DATABASE_URL), unless PAYMENTS_TEST_PROVIDER says otherwise.
 */
export const testPaymentsEnabled: boolean = env.PAYMENTS_TEST_PROVIDER
  ? env.PAYMENTS_TEST_PROVIDER === "on"
  : env.DATABASE_URL === undefined;

/** This server among others sharing the database: a restarted one releases the reservations its predecessor left. */
export const serverInstance = `${os.hostname()}:${env.PORT}`;

/** Minutes to add to UTC to get the clients' local time, or null when that window is switched off. */
export const eopClientUtcOffsetMinutes: number | null = env.EOP_CLIENT_UTC_OFFSET_MINUTES;
