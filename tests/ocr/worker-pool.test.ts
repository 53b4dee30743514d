import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, expect, test } from "vitest";

import { WorkerPool } from "@/lib/ocr/worker/worker-pool";

// A stand-in worker speaking the pool protocol: echoes the image width, dies on width 0,
// replies with an error on width 1.
const FAKE_WORKER = `
import { parentPort } from "node:worker_threads";
parentPort.on("message", (req) => {
  if (req.image.width === 0) process.exit(3);
  if (req.image.width === 1) parentPort.postMessage({ type: "result", id: req.id, ok: false, error: "bad image" });
  else setTimeout(() => parentPort.postMessage({ type: "result", id: req.id, ok: true, result: [req.image.width], timings: { detMs: 2, recMs: 3 } }), 5);
});
parentPort.postMessage({ type: "ready" });
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ocr-pool-"));
const script = path.join(dir, "fake-worker.mjs");
fs.writeFileSync(script, FAKE_WORKER);
const init = { modelPaths: { det: "", cls: "", rec: "", dict: "" }, intraOpThreads: 1, nice: 0 };

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const image = (width: number) => ({ width, height: 1, data: new Uint8Array(0) });

test("a crashing worker fails only its own job and is replaced", async () => {
  const pool = await WorkerPool.start(script, init, 2);
  const jobs = [5, 0, 7, 1, 9, 11].map((w) => pool.run({ kind: "detect", image: image(w) }));
  const settled = await Promise.allSettled(jobs.map((job) => job.then((done) => done.result)));
  expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
  expect(String((settled[1] as PromiseRejectedResult).reason)).toMatch(/exited/);
  expect(String((settled[3] as PromiseRejectedResult).reason)).toMatch(/bad image/);
  expect((await pool.run({ kind: "detect", image: image(42) })).result).toEqual([42]);
  await expect.poll(() => pool.stats().workers).toBe(2);
  await pool.close();
  await expect(pool.run({ kind: "detect", image: image(1) })).rejects.toThrow(/closed/);
});

test("start fails when the worker cannot load", async () => {
  const broken = path.join(dir, "broken.mjs");
  fs.writeFileSync(broken, "throw new Error('no models here');");
  await expect(WorkerPool.start(broken, init, 1)).rejects.toThrow(/no models here/);
});

test("each result carries the worker's stage times and the job's wait in the queue", async () => {
  const pool = await WorkerPool.start(script, init, 1);
  // One worker, two jobs: the second waits for the first (about 5 ms).
  const [first, second] = await Promise.all([pool.run({ kind: "detect", image: image(5) }), pool.run({ kind: "detect", image: image(6) })]);
  expect(first!.timings).toMatchObject({ detMs: 2, recMs: 3 });
  expect(first!.timings.queueMs).toBeLessThan(second!.timings.queueMs);
  expect(second!.timings.queueMs).toBeGreaterThanOrEqual(3);
  await pool.close();
});
