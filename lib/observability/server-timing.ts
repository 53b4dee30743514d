import "server-only";

import type { StageTimes } from "./stage-times";

/** `gateway;dur=1.2, decode;dur=3.4, …, total;dur=9.9` (W3C Server-Timing, milliseconds). */
export function formatServerTiming(times: StageTimes, totalMs: number): string {
  return [...times.entries(), ["total", totalMs] as const].map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`).join(", ");
}
