import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";

import { Redis } from "ioredis";

/**
 * A throwaway redis-server (Debian's `redis-server`) on a free loopback port, without persistence,
 * for tests of the Redis-backed limits. Stop it in afterAll.
 */
export async function startRedisServer(): Promise<{ url: string; port: number; client: () => Promise<Redis>; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  const clients: Redis[] = [];
  /** A connected client configured like the app's (no offline queue: commands fail while Redis is away). */
  const client = async () => {
    const c = new Redis({ port, host: "127.0.0.1", enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    c.on("error", () => {}); // a stopped server is part of some tests
    clients.push(c);
    for (let i = 0; c.status !== "ready"; i++) {
      if (i > 100) throw new Error("redis-server did not start");
      await new Promise((r) => setTimeout(r, 50));
    }
    return c;
  };
  await client();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    client,
    async stop() {
      clients.forEach((c) => c.disconnect());
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}
