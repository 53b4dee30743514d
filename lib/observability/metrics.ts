import "server-only";

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

import { processSingleton } from "./process-singleton";

// Seconds; recognition of one photo takes 0.2–3 s on 2 cores, a queued batch much longer.
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** The OCR worker pool now: what the pool gauges show. */
export interface OcrPoolStats {
  workers: number;
  busy: number;
  queued: number;
}

// The engine reports its pool here once it is running (lib/ocr/engine.ts), so this layer, which
// the engine itself uses for stage times, imports no engine. Zeros until then.
const pool = processSingleton("ocr-pool-stats", () => ({ stats: (): OcrPoolStats => ({ workers: 0, busy: 0, queued: 0 }) }));

/** Makes `stats` the source of the ocr_engine_* gauges. */
export function reportOcrPoolStats(stats: () => OcrPoolStats): void {
  pool.stats = stats;
}

function engineStats(): OcrPoolStats {
  return pool.stats();
}

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    requests: new Counter({
      name: "ocr_api_requests_total",
      help: "API answers by capability, HTTP status and the body's statusCode",
      labelNames: ["capability", "http_status", "status_code"] as const,
      registers,
    }),
    rejected: new Counter({
      name: "ocr_api_rejected_total",
      help: "Answers refused for load: rate_limit (HTTP 429) or overload (HTTP 503)",
      labelNames: ["reason"] as const,
      registers,
    }),
    requestSeconds: new Histogram({
      name: "ocr_api_request_duration_seconds",
      help: "Whole API answer time",
      labelNames: ["capability"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    stageSeconds: new Histogram({
      name: "ocr_api_stage_duration_seconds",
      help: "Time per stage of one API call (decode and engine stages summed over its images)",
      labelNames: ["capability", "stage"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    imagesInFlight: new Gauge({
      name: "ocr_images_in_flight",
      help: "Images being decoded or recognised across all calls",
      registers,
    }),
    queueDepth: new Gauge({
      name: "ocr_engine_queue_depth",
      help: "OCR jobs waiting for a worker",
      registers,
      collect() {
        this.set(engineStats().queued);
      },
    }),
    workersBusy: new Gauge({
      name: "ocr_engine_workers_busy",
      help: "OCR workers running a job",
      registers,
      collect() {
        this.set(engineStats().busy);
      },
    }),
    workers: new Gauge({
      name: "ocr_engine_workers",
      help: "OCR worker threads started",
      registers,
      collect() {
        this.set(engineStats().workers);
      },
    }),
  };
}

export const metrics = processSingleton("metrics", createMetrics);

/** Counts an image as in flight while `fn` decodes or recognises it. */
export async function trackImageInFlight<T>(fn: () => Promise<T>): Promise<T> {
  metrics.imagesInFlight.inc();
  try {
    return await fn();
  } finally {
    metrics.imagesInFlight.dec();
  }
}
