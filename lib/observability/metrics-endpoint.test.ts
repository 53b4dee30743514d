import { expect, test } from "vitest";

import { handleMetricsRequest, hasBearerToken } from "./metrics-endpoint";

const TOKEN = "metrics-token-0123456789";
const scrape = (authorization?: string, token: string | undefined = TOKEN) =>
  handleMetricsRequest(new Request("http://127.0.0.1/api/metrics", { headers: authorization ? { authorization } : {} }), token);
const scrapeUnconfigured = (authorization: string) =>
  handleMetricsRequest(new Request("http://127.0.0.1/api/metrics", { headers: { authorization } }), undefined);

test("without a configured token the endpoint does not exist", async () => {
  expect((await scrapeUnconfigured(`Bearer ${TOKEN}`)).status).toBe(404);
});

test.each([
  ["no header", undefined],
  ["wrong token", "Bearer metrics-token-9876543210"],
  ["a prefix of the token", `Bearer ${TOKEN.slice(0, -1)}`],
  ["not a bearer", `Basic ${TOKEN}`],
])("%s → 401", async (_name, authorization) => {
  const res = await scrape(authorization);
  expect(res.status).toBe(401);
  expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
});

test("the right token gets the Prometheus text format", async () => {
  const res = await scrape(`bearer  ${TOKEN}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  const text = await res.text();
  expect(text).toContain("# TYPE ocr_api_requests_total counter");
  expect(text).toContain("# TYPE ocr_api_stage_duration_seconds histogram");
  expect(text).toMatch(/^ocr_engine_queue_depth 0$/m);
  expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
});

test("hasBearerToken compares the whole token", () => {
  expect(hasBearerToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
  expect(hasBearerToken(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
  expect(hasBearerToken(null, TOKEN)).toBe(false);
});
