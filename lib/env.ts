import path from "node:path";
import { z } from "zod";

// The one place that reads process.env. Every knob is documented in .env.example.
const int = (fallback: number) => z.coerce.number().int().default(fallback);

// An origin only (scheme, host, port): cookies and next-auth's redirects are built from it.
const publicUrl = z
  .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
  // zod runs refinements even after the URL check failed, hence canParse first.
  .refine((value) => URL.canParse(value) && new URL(value).href === `${new URL(value).origin}/`, "must be an origin without a path, e.g. https://ocr.example.com")
  .transform((value) => new URL(value).origin);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Directory for the embedded SQLite file, the generated server key and other local state. */
  DATA_DIR: z.string().default("data"),
  /** `file:` URL (SQLite, default data/ocr.db) or `postgres://` / `postgresql://` URL. */
  DATABASE_URL: z.string().optional(),
  /** 32-byte key (hex or base64) for encrypting SK/AppSecret at rest; generated into DATA_DIR when unset. */
  SECRET_ENCRYPTION_KEY: z.string().optional(),
  /** next-auth session signing secret; generated into DATA_DIR when unset. */
  AUTH_SECRET: z.string().optional(),
  OCR_MODEL_DIR: z.string().optional(),
  /** Worker threads running inference (each holds its own ONNX sessions). */
  OCR_WORKERS: int(2),
  /** ONNX intra-op threads per worker. */
  OCR_INTRA_OP_THREADS: int(1),
  /** Allowed clock skew for eop-date, in minutes. */
  EOP_DATE_SKEW_MINUTES: int(15),
  /** Offset of the clients' local clock from UTC in minutes (the original clients sign local time with a literal Z); "off" disables. */
  EOP_CLIENT_UTC_OFFSET_MINUTES: z.string().default("480"),
  /** Largest request body accepted by the API, in bytes (default 100 MiB). */
  MAX_BODY_BYTES: int(100 * 1024 * 1024),
  /** QPS limit given to new apps. */
  DEFAULT_APP_QPS: int(5),
  /** Base URL the playground calls; defaults to this server itself. */
  PLAYGROUND_API_BASE_URL: z.string().optional(),
  PORT: int(3000),
  /**
   * The console's public origin (https://ocr.example.com). https: session cookies get `Secure` and
   * `__Secure-` names. Also next-auth's NEXTAUTH_URL (accepted as an alias).
   */
  PUBLIC_URL: publicUrl.optional(),
  NEXTAUTH_URL: publicUrl.optional(),
  /** The built-in test payment provider: "on" | "off"; default on for the embedded SQLite install, off once DATABASE_URL is set. */
  PAYMENTS_TEST_PROVIDER: z.enum(["on", "off"]).optional(),
  /** Redis URL (redis://host:6379/0). Unset: rate limits, throttles and replay ids stay in this process/database (one instance). */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional(),
});

export type Env = z.infer<typeof schema>;

function loadEnv(): Env {
  // An empty variable means "unset" (as in `DATABASE_URL= npm start`).
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export const env = loadEnv();

export const dataDir = path.resolve(env.DATA_DIR);

export const databaseUrl = env.DATABASE_URL ?? `file:${path.join(dataDir, "ocr.db")}`;

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url);

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
export const testPaymentsEnabled: boolean = env.PAYMENTS_TEST_PROVIDER ? env.PAYMENTS_TEST_PROVIDER === "on" : env.DATABASE_URL === undefined;

/** Minutes to add to UTC to get the clients' local time, or null when that window is switched off. */
export const eopClientUtcOffsetMinutes: number | null =
  env.EOP_CLIENT_UTC_OFFSET_MINUTES.trim().toLowerCase() === "off"
    ? null
    : Number.parseInt(env.EOP_CLIENT_UTC_OFFSET_MINUTES, 10);
