import sharp from "sharp";
import { beforeAll, expect, test, vi } from "vitest";

import { type EopCredentials, signEopRequest } from "@/e2e/fixtures/eop-sign";

import { useTempDatabase } from "@/tests/support/temp-db";

// The gateway's observability end to end, on a real (temporary) database and a fake engine that
// reports worker times the way the real one does: Server-Timing on success and error answers,
// then a scrape of /api/metrics that must show those calls.

vi.mock("@/lib/ocr/engine", async () => {
  const { recordStage } = await import("@/lib/observability/stage-times");
  const { fixedRead } = await import("@/tests/support/fake-read");
  const { reportOcrPoolStats } = await import("@/lib/observability/metrics");
  // As the real engine does once its workers are up.
  reportOcrPoolStats(() => ({ workers: 2, busy: 0, queued: 0 }));
  return {
    getOcrEngine: async () => ({
      // Decoding and recognition happen on a worker, which reports their times with the result.
      recognizeFile: async () => {
        // After an await, as the real engine reports: the call's clock must survive it.
        await new Promise((resolve) => setTimeout(resolve, 2));
        recordStage("decode", 3);
        recordStage("queue", 4);
        recordStage("detection", 30);
        recordStage("recognition", 50);
        return fixedRead();
      },
    }),
    isOcrEngineReady: () => true,
  };
});

const GENERAL = "http://127.0.0.1:3000/v1/aiop/api/2f3p1pnxpqm8/ocrdetect/ocr/v1/image.json";
const TOKEN = "scrape-token-0123456789abcdef";

let handle: typeof import("@/lib/gateway/handle-request")["handleGatewayRequest"];
let scrapeMetrics: () => Promise<string>;
let creds: EopCredentials;
let slowAppKey: string;
let body = "";

beforeAll(async () => {
  useTempDatabase();
  ({ handleGatewayRequest: handle } = await import("@/lib/gateway/handle-request"));
  const { handleMetricsRequest } = await import("@/lib/observability/metrics-endpoint");
  scrapeMetrics = async () =>
    (
      await handleMetricsRequest(new Request("http://127.0.0.1/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }), TOKEN)
    ).text();
  const { syncCapabilityCatalog } = await import("@/lib/data/capabilities");
  const { createUser } = await import("@/lib/data/users");
  const { createAccessKey } = await import("@/lib/data/access-keys");
  const { createApp } = await import("@/lib/data/apps");
  const { grantPack } = await import("@/lib/data/packs");
  await syncCapabilityCatalog();
  const user = await createUser({ email: "metrics@example.com", password: "secret-password" });
  const key = await createAccessKey({ userId: user.id });
  const app = await createApp({ userId: user.id, name: "main", capabilities: ["general"], qpsLimit: 1000 });
  slowAppKey = (await createApp({ userId: user.id, name: "slow", capabilities: ["general"], qpsLimit: 1 })).appKey;
  creds = { accessKey: key.accessKey, secretKey: key.secretKey, appKey: app.appKey };
  await grantPack({ userId: user.id, capabilityId: "general", calls: 100 });
  const png = await sharp({ create: { width: 64, height: 40, channels: 3, background: "#fff" } })
    .png()
    .toBuffer();
  body = JSON.stringify({ data: [png.toString("base64"), png.toString("base64")] });
});

function call(overrides: Partial<EopCredentials> = {}) {
  const headers = signEopRequest({ ...creds, ...overrides }, { url: GENERAL, body });
  return handle(new Request(GENERAL, { method: "POST", headers, body }));
}

/** `name;dur=12.3` entries of a Server-Timing header. */
function serverTiming(response: Response): Record<string, number> {
  const header = response.headers.get("server-timing") ?? "";
  return Object.fromEntries(
    header
      .split(", ")
      .filter(Boolean)
      .map((entry) => [entry.split(";")[0]!, Number(entry.split("dur=")[1])]),
  );
}

const sample = (text: string, line: string) =>
  Number(new RegExp(`^${line.replace(/[{}"+.]/g, "\\$&")} (\\S+)$`, "m").exec(text)?.[1] ?? NaN);

test("a recognised call carries every stage in Server-Timing; the engine's times are summed over its images", async () => {
  const response = await call();
  expect(response.status).toBe(200);
  const timing = serverTiming(response);
  expect(Object.keys(timing)).toEqual(["gateway", "decode", "queue", "detection", "recognition", "metering", "total"]);
  expect(timing).toMatchObject({ queue: 8, detection: 60, recognition: 100 });
  expect(timing.gateway).toBeGreaterThan(0);
  expect(timing.total).toBeGreaterThanOrEqual(timing.gateway! + timing.metering!);
});

test("an error answer carries the gateway time, the time its call record took, and the total", async () => {
  // A signing failure of a known app is recorded for that app (its call log), timed as metering.
  const response = await call({ secretKey: "wrong" });
  expect(response.status).toBe(401);
  expect(Object.keys(serverTiming(response))).toEqual(["gateway", "metering", "total"]);
});

test("a scrape shows the calls by capability and code, the stage histograms and the 429 count", async () => {
  const before = await scrapeMetrics();
  const ok = sample(before, 'ocr_api_requests_total{capability="general",http_status="200",status_code="0"}') || 0;
  await call();
  await call();
  await call({ secretKey: "wrong" });
  const limited = await Promise.all([call({ appKey: slowAppKey }), call({ appKey: slowAppKey }), call({ appKey: slowAppKey })]);
  expect(limited.map((r) => r.status).sort()).toEqual([200, 429, 429]);
  await handle(new Request("http://127.0.0.1:3000/v1/aiop/api/nope/x", { method: "POST", body: "{}" }));

  const text = await scrapeMetrics();
  expect(sample(text, 'ocr_api_requests_total{capability="general",http_status="200",status_code="0"}')).toBe(ok + 3);
  expect(sample(text, 'ocr_api_requests_total{capability="general",http_status="401",status_code="10020"}')).toBeGreaterThanOrEqual(1);
  expect(sample(text, 'ocr_api_requests_total{capability="general",http_status="429",status_code="40029"}')).toBe(2);
  expect(sample(text, 'ocr_api_requests_total{capability="none",http_status="404",status_code="50001"}')).toBe(1);
  expect(sample(text, 'ocr_api_rejected_total{reason="rate_limit"}')).toBe(2);
  // Every 200 answer so far (one in the first test, three here) observed its recognition time.
  expect(sample(text, 'ocr_api_stage_duration_seconds_count{capability="general",stage="recognition"}')).toBe(ok + 3);
  expect(sample(text, 'ocr_api_stage_duration_seconds_sum{capability="general",stage="recognition"}')).toBeCloseTo((ok + 3) * 0.1, 6);
  expect(sample(text, 'ocr_api_stage_duration_seconds_bucket{le="0.1",capability="general",stage="recognition"}')).toBe(ok + 3);
  expect(sample(text, 'ocr_api_request_duration_seconds_count{capability="general"}')).toBeGreaterThanOrEqual(ok + 7);
  expect(sample(text, "ocr_images_in_flight")).toBe(0);
  expect(sample(text, "ocr_engine_workers")).toBe(2);
});
