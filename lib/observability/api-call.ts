import "server-only";

import type { Logger } from "pino";

import { metrics } from "./metrics";
import { formatServerTiming } from "./server-timing";
import type { StageTimes } from "./stage-times";

export interface AnsweredCall {
  /** Catalog id, or "none" when the path matched no capability. */
  capability: string;
  response: Response;
  times: StageTimes;
  totalMs: number;
  log: Logger;
}

const REJECTION_REASONS: Record<number, string> = { 429: "rate_limit", 503: "overload" };

/** The body's `statusCode` (0 on success, the EOP or capability code otherwise); -1 when unreadable. */
async function bodyStatusCode(response: Response): Promise<number> {
  try {
    const code = ((await response.clone().json()) as { statusCode?: unknown }).statusCode;
    return typeof code === "number" ? code : -1;
  } catch {
    return -1;
  }
}

/** Every API answer once: counters and histograms, one log line, and the Server-Timing header. */
export async function observeApiCall({ capability, response, times, totalMs, log }: AnsweredCall): Promise<Response> {
  const statusCode = await bodyStatusCode(response);
  metrics.requests.inc({ capability, http_status: response.status, status_code: statusCode });
  const reason = REJECTION_REASONS[response.status];
  if (reason) metrics.rejected.inc({ reason });
  metrics.requestSeconds.observe({ capability }, totalMs / 1000);
  for (const [stage, ms] of times.entries()) metrics.stageSeconds.observe({ capability, stage }, ms / 1000);

  response.headers.set("Server-Timing", formatServerTiming(times, totalMs));
  log.info(
    {
      capability,
      httpStatus: response.status,
      statusCode,
      ms: Math.round(totalMs),
      stages: Object.fromEntries(times.entries().map(([stage, ms]) => [stage, Math.round(ms * 10) / 10])),
    },
    "api call",
  );
  return response;
}
