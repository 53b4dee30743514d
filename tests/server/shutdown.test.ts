import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";

import { afterEach, expect, test } from "vitest";

// Issue 8: SIGTERM stops accepting, finishes the requests in flight, then exits 0; requests that
// outlive the grace period are cut off and the exit is non-zero.

const PORT = 3137;
let child: ChildProcess | null = null;

afterEach(() => {
  if (child?.exitCode === null) child.kill("SIGKILL");
});

async function start(delayMs: number, graceMs: number) {
  child = spawn(process.execPath, [path.join(import.meta.dirname, "slow-server.mjs"), String(PORT), String(delayMs), String(graceMs)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child!.on("exit", (code) => resolve(code)));
  await new Promise<void>((resolve) => child!.stdout!.on("data", (c: Buffer) => c.toString().includes("listening") && resolve()));
  return { child, exited };
}

const agent = new http.Agent({ keepAlive: true });
function get(): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    http
      .get({ host: "127.0.0.1", port: PORT, agent }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
  });
}

test("SIGTERM: the request in flight is answered, new connections are refused, exit 0", async () => {
  const { child, exited } = await start(800, 5_000);
  expect(await get()).toEqual({ status: 200, body: "done" }); // leaves an idle keep-alive connection
  const inFlight = get();
  await new Promise((r) => setTimeout(r, 200));
  child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 100));
  const late = await new Promise<unknown>((resolve) =>
    http
      .get({ host: "127.0.0.1", port: PORT, agent: false }, () => resolve("answered"))
      .on("error", (e: NodeJS.ErrnoException) => resolve(e.code)),
  );
  expect(late).toBe("ECONNREFUSED");
  expect(await inFlight).toEqual({ status: 200, body: "done" });
  expect(await exited).toBe(0);
});

test("a request outliving the grace period is cut off and the exit is non-zero", async () => {
  const { child, exited } = await start(5_000, 300);
  const inFlight = get();
  await new Promise((r) => setTimeout(r, 200));
  child.kill("SIGTERM");
  expect(await exited).toBe(1);
  expect(await inFlight).toMatchObject({ error: expect.any(String) });
});
