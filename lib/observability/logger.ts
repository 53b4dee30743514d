import "server-only";

import pino, { type Logger } from "pino";

import { env } from "@/lib/env";

import { processSingleton } from "./process-singleton";

/** Keys whose values never reach a log line, wherever they sit one level down. */
const SECRET_KEYS = ["authorization", "eop-authorization", "cookie", "password", "secretKey", "appSecret", "token", "METRICS_TOKEN"];
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [`["${key}"]`, `*["${key}"]`, `*.headers["${key}"]`]);

/** JSON lines on stdout (one object per event); level from LOG_LEVEL. */
export const logger: Logger = processSingleton("logger", () =>
  pino({
    level: env.LOG_LEVEL,
    base: { service: "ocr-platform", pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  }),
);

/** The client's request id is free text from a header: bounded so it cannot bloat every line. */
const MAX_REQUEST_ID_LOG_CHARS = 128;

/** A logger whose every line carries the call's request id. */
export function requestLogger(requestId: string): Logger {
  return logger.child({ requestId: requestId.slice(0, MAX_REQUEST_ID_LOG_CHARS) });
}
