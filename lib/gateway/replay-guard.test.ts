import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { startRedisServer } from "@/tests/support/redis-server";

import { GatewayError } from "@/lib/errors/gateway-errors";
import { redisReplayGuard } from "./replay-guard";

// The database guard is covered through the gateway (tests/gateway/handle-request.test.ts).
describe("redisReplayGuard", () => {
  let server: Awaited<ReturnType<typeof startRedisServer>>;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(() => server.stop());

  test("an id spent on one instance is refused on another", async () => {
    const now = Date.now();
    const a = redisReplayGuard(await server.client());
    const b = redisReplayGuard(await server.client());
    expect(await a.spend("ak1", "id-1", now + 60_000, now)).toBe(true);
    expect(await b.spend("ak1", "id-1", now + 60_000, now)).toBe(false);
    expect(await b.spend("ak2", "id-1", now + 60_000, now)).toBe(true); // per access key
  });

  test("concurrent spends of one id: exactly one wins", async () => {
    const now = Date.now();
    const guards = await Promise.all([server.client(), server.client()]).then((cs) => cs.map((c) => redisReplayGuard(c)));
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => guards[i % 2]!.spend("ak3", "id-race", now + 60_000, now)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  test("the id is forgotten when its date window closes", async () => {
    const client = await server.client();
    const now = Date.now();
    await redisReplayGuard(client).spend("ak4", "id-ttl", now + 90_000, now);
    const expireAt = await client.pexpiretime("eop:replay:ak4:id-ttl");
    expect(Math.abs(expireAt - (now + 90_000))).toBeLessThan(5);
  });

  test("Redis unreachable: 503/50010, not an internal error", async () => {
    const dead = await startRedisServer();
    const guard = redisReplayGuard(await dead.client());
    await dead.stop();
    const err = await guard.spend("ak5", "id-dead", Date.now() + 60_000, Date.now()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).code).toBe(50010);
  });
});
