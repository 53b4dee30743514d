import { expect, test } from "@playwright/test";

import { signEopRequest } from "../fixtures/eop-sign";
import { b64, renderTextPng } from "../fixtures/images";
import { type ClusterAccount, chargedCalls, createAccount, demoAccountWithApp, instancePid, instanceUrls, nginxUrl } from "./cluster";

// The five checks of the scale-out issue, through nginx in front of two instances that share
// PostgreSQL and Redis. In order: the last one kills an instance.
test.describe.configure({ mode: "serial", timeout: 240_000 });

const GENERAL = "/v1/aiop/api/2f3p1pnxpqm8/ocrdetect/ocr/v1/image.json";
// Passes every gateway check (token bucket included) and fails the body checks: cheap, nothing charged.
const EMPTY_BATCH = JSON.stringify({ data: [] });
const ONE_IMAGE = JSON.stringify({ data: [b64(renderTextPng(["集群测试 第一行"], 420, 32))] });

interface Answer {
  status: number;
  statusCode: unknown;
  retryAfter: string | null;
  upstream: string | null;
  json: Record<string, unknown>;
}

async function send(
  baseUrl: string,
  account: ClusterAccount,
  body: string,
  headers = signEopRequest(account, { url: GENERAL, body }),
): Promise<Answer> {
  const response = await fetch(baseUrl + GENERAL, { method: "POST", headers, body, signal: AbortSignal.timeout(90_000) });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { unparsed: text };
  }
  return {
    status: response.status,
    statusCode: json.statusCode,
    retryAfter: response.headers.get("retry-after"),
    upstream: response.headers.get("x-upstream"),
    json,
  };
}

// A first call loads the gateway's modules and opens the database and Redis connections: seconds on
// a busy machine, which would leave the rate check nothing to measure.
test.beforeAll(async () => {
  const account = demoAccountWithApp(1000);
  for (const url of instanceUrls()) expect((await send(url, account, EMPTY_BATCH)).status).not.toBe(502);
});

test("(1) QPS 5 holds over both instances: at most 5 + 5·t admitted in t seconds, 429 + Retry-After beyond", async () => {
  const account = demoAccountWithApp(5);
  const answers: Answer[] = [];
  const started = Date.now();
  // Eight clients in parallel for three seconds (bounded: at most 800 requests).
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = 0; i < 100 && Date.now() - started < 3000; i++) answers.push(await send(nginxUrl, account, EMPTY_BATCH));
    }),
  );
  // Every token was taken between the first request's start and the last answer.
  const seconds = (Date.now() - started) / 1000;
  const admitted = answers.filter((a) => a.status !== 429);
  const limited = answers.filter((a) => a.status === 429);
  console.log(
    `QPS 5 over ${seconds.toFixed(2)} s: ${answers.length} requests, ${admitted.length} admitted, ${limited.length} answered 429`,
  );

  expect(new Set(answers.map((a) => a.upstream)).size).toBe(2); // both instances served
  expect(admitted.length).toBeGreaterThanOrEqual(5);
  expect(admitted.length).toBeLessThanOrEqual(5 + 5 * seconds);
  expect(limited.length).toBeGreaterThan(0);
  for (const a of limited) {
    expect(a.statusCode).toBe(40029);
    expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(Number(a.retryAfter))).toBe(true);
  }
});

test("(2) a pack of N calls and M > N concurrent requests over both instances: exactly N charged, N succeed", async () => {
  const N = 3;
  const M = 8;
  const account = createAccount({ qps: 1000, calls: N });
  const answers = await Promise.all(Array.from({ length: M }, () => send(nginxUrl, account, ONE_IMAGE)));
  const succeeded = answers.filter((a) => a.status === 200 && a.statusCode === 0);
  const refused = answers.filter((a) => a.statusCode === 51003);
  console.log(
    `pack of ${N}, ${M} concurrent: ${succeeded.length} succeeded, ${refused.length} answered 51003; upstreams ${[...new Set(answers.map((a) => a.upstream))].join(" ")}`,
  );

  expect(new Set(answers.map((a) => a.upstream)).size).toBe(2);
  expect(succeeded).toHaveLength(N);
  expect(refused).toHaveLength(M - N);
  const charged = await chargedCalls(account.email);
  expect(charged).toMatchObject({ packsUsed: N, recordsCharged: N, records: M, distinctRequestIds: M });
});

test("(3) a request id replayed on the other instance is refused (10020)", async () => {
  const account = demoAccountWithApp(1000);
  const [first, second] = instanceUrls();
  const headers = signEopRequest(account, { url: GENERAL, body: EMPTY_BATCH });
  const original = await send(first!, account, EMPTY_BATCH, headers);
  expect(original.statusCode).not.toBe(10020);
  const replay = await send(second!, account, EMPTY_BATCH, headers);
  expect(replay.status).toBe(401);
  expect(replay.json).toMatchObject({ statusCode: 10020, error: "EOP_10020" });
});

test("(4) a console login on one instance is valid on the other", async ({ playwright }) => {
  const account = demoAccountWithApp(5);
  const [first, second] = instanceUrls();
  // One cookie jar for both: cookies do not depend on the port, as behind one load balancer.
  const browser = await playwright.request.newContext();
  try {
    const { csrfToken } = (await (await browser.get(`${first}/api/auth/csrf`)).json()) as { csrfToken: string };
    const login = await browser.post(`${first}/api/auth/callback/credentials`, {
      form: { email: account.email, password: account.password, csrfToken, json: "true" },
      maxRedirects: 0,
    });
    expect(login.status()).toBeLessThan(400);
    const onFirst = (await (await browser.get(`${first}/api/auth/session`)).json()) as { user?: { email?: string } };
    expect(onFirst.user?.email).toBe(account.email);
    const onSecond = (await (await browser.get(`${second}/api/auth/session`)).json()) as { user?: { email?: string } };
    expect(onSecond.user?.email).toBe(account.email);
    const page = await browser.get(`${second}/apps`, { maxRedirects: 0 });
    expect(page.status()).toBe(200);
  } finally {
    await browser.dispose();
  }
  // Control: without the cookie the other instance knows nobody.
  const stranger = await playwright.request.newContext();
  expect(await (await stranger.get(`${second}/api/auth/session`)).json()).toEqual({});
  await stranger.dispose();
});

test("(5) kill -9 one instance mid-batch: the other keeps serving, no charge without a record", async () => {
  const account = demoAccountWithApp(1000);
  const [killedUrl, survivorUrl] = instanceUrls();
  const survivor = new URL(survivorUrl!).host;
  let answered = 0;
  const batch = Array.from({ length: 12 }, () => send(nginxUrl, account, ONE_IMAGE).finally(() => answered++));
  // Mid-batch: once the first answers are back, the rest are queued or running on both instances.
  for (let i = 0; i < 600 && answered < 2; i++) await new Promise((r) => setTimeout(r, 100));
  expect(answered).toBeLessThan(12);
  process.kill(instancePid(0), "SIGKILL");
  const answers = await Promise.all(batch);
  console.log(`batch around the kill: ${answers.map((a) => a.status).join(" ")}`);
  await expect(fetch(`${killedUrl}/api/health`)).rejects.toThrow();

  // Every call after the kill is served by the survivor.
  for (let i = 0; i < 4; i++) {
    const after = await send(nginxUrl, account, ONE_IMAGE);
    expect(after.status).toBe(200);
    expect(after.upstream?.split(", ").at(-1)).toBe(survivor); // nginx may try the dead one first
  }

  // No charge without its record, no record twice. Calls the killed instance had reserved are
  // released (with a record) by the survivor once RESERVATION_TIMEOUT_SECONDS passed (cluster-setup).
  await expect
    .poll(
      async () => {
        const c = await chargedCalls(account.email);
        return { chargedWithoutRecord: c.packsUsed - c.recordsCharged, recordedTwice: c.records - c.distinctRequestIds };
      },
      { timeout: 100_000, intervals: [2000] },
    )
    .toEqual({ chargedWithoutRecord: 0, recordedTwice: 0 });
});
