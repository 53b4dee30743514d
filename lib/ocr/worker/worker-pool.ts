import { Worker } from "node:worker_threads";

import type { JobTimings, WorkerInit, WorkerRequest, WorkerResponse, WorkerResult } from "./protocol";

export interface TimedResult {
  result: WorkerResult;
  timings: JobTimings;
}

type Job = {
  request: WorkerRequest;
  transfer: ArrayBuffer[];
  resolve: (done: TimedResult) => void;
  reject: (err: Error) => void;
  enqueuedAt: number;
  queueMs: number;
};

interface Slot {
  worker: Worker;
  job: Job | null;
}

/** Distributive omit, so each request variant keeps its own fields. */
export type JobRequest = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, "id"> : never) : never;

/**
 * Fixed-size pool of OCR worker threads, one job per worker at a time, FIFO queue.
 * A worker that crashes fails only its current job and is replaced.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  private constructor(
    private readonly scriptPath: string,
    private readonly init: WorkerInit,
  ) {}

  /** Starts `size` workers and resolves once each has loaded its models and warmed up. */
  static async start(scriptPath: string, init: WorkerInit, size: number): Promise<WorkerPool> {
    const pool = new WorkerPool(scriptPath, init);
    try {
      await Promise.all(Array.from({ length: size }, () => pool.spawn()));
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  /** Resolves with the worker's result and the job's queue wait and stage times. */
  run(request: JobRequest, transfer: ArrayBuffer[] = []): Promise<TimedResult> {
    if (this.closed) return Promise.reject(new Error("OCR engine is closed"));
    return new Promise((resolve, reject) => {
      const job: Job = {
        request: { ...request, id: this.nextId++ } as WorkerRequest,
        transfer,
        resolve,
        reject,
        enqueuedAt: performance.now(),
        queueMs: 0,
      };
      this.queue.push(job);
      this.dispatch();
    });
  }

  stats() {
    return {
      workers: this.slots.length,
      busy: this.slots.filter((s) => s.job).length,
      queued: this.queue.length,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("OCR engine is closed"));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private spawn(): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(this.scriptPath, { workerData: this.init });
      const slot: Slot = { worker, job: null };
      let ready = false;

      worker.on("message", (msg: WorkerResponse) => {
        if (msg.type === "ready") {
          ready = true;
          this.slots.push(slot);
          resolve();
          this.dispatch();
          return;
        }
        const job = slot.job;
        slot.job = null;
        if (job) {
          if (msg.ok) job.resolve({ result: msg.result, timings: { ...msg.timings, queueMs: job.queueMs } });
          else job.reject(new Error(msg.error));
        }
        this.dispatch();
      });

      const fail = (err: Error) => {
        if (!ready) {
          reject(err);
          return;
        }
        const index = this.slots.indexOf(slot);
        if (index === -1) return;
        this.slots.splice(index, 1);
        slot.job?.reject(err);
        slot.job = null;
        if (!this.closed) this.spawn().catch((e: Error) => this.failQueueIfEmpty(e));
      };
      worker.on("error", (err) => fail(err));
      worker.on("exit", (code) => fail(new Error(`OCR worker exited with code ${code}`)));
    });
  }

  /** With no worker left and none starting successfully, queued jobs can never run. */
  private failQueueIfEmpty(err: Error) {
    if (this.slots.length > 0) return;
    for (const job of this.queue.splice(0)) job.reject(err);
  }

  private dispatch() {
    for (const slot of this.slots) {
      if (slot.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      job.queueMs = performance.now() - job.enqueuedAt;
      slot.worker.postMessage(job.request, job.transfer);
    }
  }
}
