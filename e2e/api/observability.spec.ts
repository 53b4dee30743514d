import { E2E_METRICS_TOKEN } from "../../playwright.config";
import { b64, renderTextPng } from "../fixtures/images";
import { expect, PATHS, test } from "../fixtures/api-client";

// Operations on the production server: Server-Timing with the real engine's stage times, and a
// Prometheus scrape behind METRICS_TOKEN that counts what was just answered.

const stages = (header: string | undefined) =>
  Object.fromEntries(
    (header ?? "")
      .split(", ")
      .filter(Boolean)
      .map((e) => [e.split(";")[0]!, Number(e.split("dur=")[1])]),
  );
const sample = (text: string, series: string) =>
  Number(new RegExp(`^${series.replace(/[{}"+.]/g, "\\$&")} (\\S+)$`, "m").exec(text)?.[1] ?? 0);

test("a recognised call reports every stage in Server-Timing; an error reports the gateway and its record", async ({ api }) => {
  const ok = await api(PATHS.general, { data: [b64(renderTextPng(["运维指标测试"]))] });
  expect(ok.json.statusCode).toBe(0);
  const timing = stages(ok.headers["server-timing"]);
  expect(Object.keys(timing)).toEqual(["gateway", "decode", "queue", "detection", "recognition", "metering", "total"]);
  expect(timing.detection).toBeGreaterThan(0);
  expect(timing.recognition).toBeGreaterThan(0);

  const bad = await api(PATHS.general, { data: [] }, { after: { "Eop-Authorization": "garbage" } });
  expect(bad.status).toBe(401);
  // The failure is recorded for the app (its call log): that write is the metering stage.
  expect(Object.keys(stages(bad.headers["server-timing"]))).toEqual(["gateway", "metering", "total"]);
});

test("/api/metrics needs the token and counts the answers", async ({ request, api }) => {
  expect((await request.get("/api/metrics")).status()).toBe(401);
  expect((await request.get("/api/metrics", { headers: { authorization: "Bearer wrong-token-0123456789" } })).status()).toBe(401);
  const scrape = async () => {
    const res = await request.get("/api/metrics", { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
    expect(res.status()).toBe(200);
    return res.text();
  };
  const okSeries = 'ocr_api_requests_total{capability="general",http_status="200",status_code="0"}';
  const detSeries = 'ocr_api_stage_duration_seconds_count{capability="general",stage="detection"}';
  const before = await scrape();
  await api(PATHS.general, { data: [b64(renderTextPng(["指标"]))] });
  await api(PATHS.general, { data: "x" });
  const after = await scrape();
  const badSeries = 'ocr_api_requests_total{capability="general",http_status="400",status_code="400008"}';
  expect(sample(after, okSeries)).toBe(sample(before, okSeries) + 1);
  expect(sample(after, badSeries)).toBe(sample(before, badSeries) + 1);
  expect(sample(after, detSeries)).toBe(sample(before, detSeries) + 1);
  expect(sample(after, "ocr_engine_workers")).toBeGreaterThanOrEqual(1);
  expect(after).toMatch(/^ocr_images_in_flight 0$/m);
});
