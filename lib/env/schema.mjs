// The one place that reads process.env, plain ESM so that the entry scripts (scripts/server.mjs,
// scripts/start.mjs, scripts/db/migrate.mjs, scripts/cluster.mjs) validate with the same rules as
// the app (lib/env.ts re-exports it with types). Every knob is documented in .env.example; a bad
// value fails at start with a message naming the variable.
import path from "node:path";

import { z } from "zod";

import { DEFAULT_TRUSTED_PROXIES, parseTrustedProxies } from "../net/addresses.mjs";

/** @param {number} fallback */
const int = (fallback) => z.coerce.number().int().default(fallback);
/** @param {number} fallback */
const positiveInt = (fallback) => z.coerce.number().int().positive().default(fallback);
const MIB = 1024 * 1024;

/** @param {string} url */
export const isPostgresUrl = (url) => /^postgres(ql)?:\/\//i.test(url);

// An origin only (scheme, host, port): cookies and next-auth's redirects are built from it.
const publicUrl = z
  .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
  // zod runs refinements even after the URL check failed, hence canParse first.
  .refine(
    (value) => URL.canParse(value) && new URL(value).href === `${new URL(value).origin}/`,
    "must be an origin without a path, e.g. https://ocr.example.com",
  )
  .transform((value) => new URL(value).origin);

/** Every variable, unrefined (scripts pick the few they need). */
const fields = z.object({
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
  /** Nice value (0–19) of the OCR worker threads, so the event loop keeps the CPU under full OCR load; 0 leaves them as is. */
  OCR_WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /** Allowed clock skew for eop-date, in minutes. */
  EOP_DATE_SKEW_MINUTES: int(15),
  /**
   * Offset of the clients' local clock from UTC in whole minutes, within the world's zones
   * (UTC-12 … UTC+14); the original clients sign local time with a literal Z. "off" → null.
   */
  EOP_CLIENT_UTC_OFFSET_MINUTES: z
    .string()
    .trim()
    .refine(
      (v) => /^off$/i.test(v) || (/^[+-]?\d{1,4}$/.test(v) && Number(v) >= -720 && Number(v) <= 840),
      "must be whole minutes in [-720, 840] or off",
    )
    .transform((v) => (/^off$/i.test(v) ? null : Number(v)))
    .prefault("480"),
  /** Largest request body accepted by the API, in bytes (default 100 MiB). */
  MAX_BODY_BYTES: positiveInt(100 * MIB),
  /** Request body bytes held at once by this instance (being read or answered); past it: 503/50010. */
  MAX_BODY_BYTES_IN_FLIGHT: positiveInt(1024 * MIB),
  /** Images admitted and not yet answered (queued + running) by this instance; past it: 503/50010. */
  OCR_MAX_IMAGES_IN_FLIGHT: positiveInt(100),
  /** Estimated bytes those images hold (file + decoded working set); past it: 503/50010. */
  OCR_MAX_IMAGE_BYTES_IN_FLIGHT: positiveInt(4096 * MIB).refine(
    (n) => n >= 1024 * MIB,
    "must be at least 1073741824 (1 GiB): four 25 MP images of one request must fit",
  ),
  /** QPS limit given to new apps. */
  DEFAULT_APP_QPS: int(5),
  /** Base URL the playground calls; defaults to this server itself. */
  PLAYGROUND_API_BASE_URL: z.string().optional(),
  /** CJK font for the playground's searchable-PDF export: an .otf/.ttf, or a .ttc (its Simplified Chinese face is used). */
  EXPORT_CJK_FONT: z.string().trim().min(1).default("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
  PORT: int(3000),
  /** Address scripts/server.mjs listens on (not HOSTNAME, which containers set to their own name). */
  LISTEN_HOST: z.string().trim().min(1).default("0.0.0.0"),
  /** Peers whose X-Forwarded-For / X-Real-IP are believed (IPs/CIDRs); parsed by scripts/server.mjs with the same module. */
  TRUSTED_PROXIES: z
    .string()
    .default(DEFAULT_TRUSTED_PROXIES)
    .superRefine((list, ctx) => {
      try {
        parseTrustedProxies(list);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: err instanceof Error ? err.message : String(err) });
      }
    }),
  /** Bearer token for GET /api/metrics (Prometheus); unset: the endpoint answers 404. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Minimum level of the JSON log lines on stdout. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * The console's public origin (https://ocr.example.com). https: session cookies get `Secure` and
   * `__Secure-` names. Also next-auth's NEXTAUTH_URL (accepted as an alias).
   */
  PUBLIC_URL: publicUrl.optional(),
  NEXTAUTH_URL: publicUrl.optional(),
  /** The built-in test payment provider: "on" | "off"; default on for the embedded SQLite install, off once DATABASE_URL is set. */
  PAYMENTS_TEST_PROVIDER: z.enum(["on", "off"]).optional(),
  /** Days a call record is kept (call log); a job deletes older ones hourly. Chart rollups are kept at least 31 days. */
  CALL_RECORD_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(90),
  /** Milliseconds a SQLite query waits, blocking the event loop, for another process's lock before failing over to async retries / 50010. The admin CLI raises it. */
  SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(10),
  /** SQLite durability per commit in WAL mode: `normal` (no fsync per commit) or `full` (fsync each commit). */
  SQLITE_SYNCHRONOUS: z.enum(["normal", "full"]).default("normal"),
  /** Seconds after which calls reserved by a request that never settled (lost settlement, hung request) are released with a call record. */
  RESERVATION_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .min(60, "must be at least 60 (a 50-image request takes tens of seconds)")
    .default(600),
  /** Redis URL (redis://host:6379/0). Unset: rate limits, throttles and replay ids stay in this process/database (one instance). */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional(),
});

const schema = fields
  .refine((e) => e.MAX_BODY_BYTES_IN_FLIGHT >= e.MAX_BODY_BYTES, {
    path: ["MAX_BODY_BYTES_IN_FLIGHT"],
    message: "must be at least MAX_BODY_BYTES, or the largest accepted body could never be read",
  })
  // A shared database means several instances: each would generate its own keys under DATA_DIR,
  // and one instance could neither read another's secrets nor accept its console sessions.
  .superRefine((value, ctx) => {
    if (!value.DATABASE_URL || !isPostgresUrl(value.DATABASE_URL)) return;
    for (const name of /** @type {const} */ (["AUTH_SECRET", "SECRET_ENCRYPTION_KEY"])) {
      if (!value[name])
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `${name} must be set when DATABASE_URL is a PostgreSQL URL (every instance needs the same key)`,
        });
    }
  });

/** @param {Record<string, string | undefined>} source */
function present(source) {
  // An empty variable means "unset" (as in `DATABASE_URL= npm start`).
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
}

/**
 * Validates a set of variables; a bad value throws, naming the variable (so the server fails at start).
 * @param {Record<string, string | undefined>} source
 */
export function parseEnv(source) {
  const parsed = schema.safeParse(present(source));
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Only the named variables, for a script that needs a few of them (a migration needs no secrets).
 * @template {keyof typeof fields.shape} K
 * @param {readonly K[]} names
 * @param {Record<string, string | undefined>} [source]
 */
export function pickEnv(names, source = process.env) {
  const mask = /** @type {{ [P in K]: true }} */ (Object.fromEntries(names.map((n) => [n, true])));
  const parsed = fields.pick(mask).safeParse(present(source));
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The process's variables, validated. */
export function loadEnv() {
  return parseEnv(process.env);
}

/**
 * The database the app and its scripts use: DATABASE_URL, else SQLite `ocr.db` in DATA_DIR
 * (resolved against the working directory, like every relative path here).
 * @param {{ DATA_DIR: string; DATABASE_URL?: string | undefined }} vars
 */
export function databaseUrlOf(vars) {
  return vars.DATABASE_URL ?? `file:${path.join(path.resolve(vars.DATA_DIR), "ocr.db")}`;
}
