import os from "node:os";
import path from "node:path";
import { z } from "zod";

// The one place that reads process.env. Every knob is documented in .env.example.
const int = (fallback: number) => z.coerce.number().int().default(fallback);

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
  /** Milliseconds a SQLite query waits, blocking the event loop, for another process's lock before failing over to async retries / 50010. The admin CLI raises it. */
  SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(10),
  /** Seconds after which calls reserved by a request that never settled (lost settlement, hung request) are released with a call record. */
  RESERVATION_TIMEOUT_SECONDS: z.coerce.number().int().min(60, "must be at least 60 (a 50-image request takes tens of seconds)").default(600),
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

/** This server among others sharing the database: a restarted one releases the reservations its predecessor left. */
export const serverInstance = `${os.hostname()}:${env.PORT}`;

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url);

/** Minutes to add to UTC to get the clients' local time, or null when that window is switched off. */
export const eopClientUtcOffsetMinutes: number | null =
  env.EOP_CLIENT_UTC_OFFSET_MINUTES.trim().toLowerCase() === "off"
    ? null
    : Number.parseInt(env.EOP_CLIENT_UTC_OFFSET_MINUTES, 10);
