import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";

import { processSingleton } from "./process-singleton";

/** Stages of an API call, in the order they run; `total` is the whole answer. */
export const STAGES = ["gateway", "decode", "queue", "detection", "recognition", "metering"] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Milliseconds per stage for one API call. Decode and engine stages are summed over the call's
 * images and worker jobs, which run concurrently, so together they may exceed the wall time.
 */
export class StageTimes {
  private readonly ms = new Map<Stage, number>();

  add(stage: Stage, ms: number): void {
    this.ms.set(stage, (this.ms.get(stage) ?? 0) + ms);
  }

  has(stage: Stage): boolean {
    return this.ms.has(stage);
  }

  /** Stages that ran, in pipeline order. */
  entries(): [Stage, number][] {
    return STAGES.filter((s) => this.ms.has(s)).map((s) => [s, this.ms.get(s)!]);
  }
}

const storage = processSingleton("stage-times", () => new AsyncLocalStorage<StageTimes>());

/** Runs `fn` with a fresh clock that every `recordStage` below it (same async context) adds to. */
export function withStageTimes<T>(fn: (times: StageTimes) => Promise<T>): Promise<T> {
  const times = new StageTimes();
  return storage.run(times, () => fn(times));
}

/** Adds to the current call's clock; outside an API call (bench, playground internals) a no-op. */
export function recordStage(stage: Stage, ms: number): void {
  storage.getStore()?.add(stage, ms);
}

export async function timeStage<T>(stage: Stage, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    recordStage(stage, performance.now() - start);
  }
}
