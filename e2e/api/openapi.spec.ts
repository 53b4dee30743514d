import { expect, PATHS, test } from "../fixtures/api-client";

// GET /api/openapi.json: public, and what it documents is what the server answers, byte for byte.

type Example = { value: unknown };
type OpenApi = {
  openapi: string;
  paths: Record<
    string,
    { post: { responses: Record<string, { content?: { "application/json"?: { examples?: Record<string, Example> } } }> } }
  >;
};

test("the OpenAPI document is public and lists every endpoint", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const response = await anonymous.get("/api/openapi.json", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const doc = (await response.json()) as OpenApi;
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(Object.values(PATHS)));
  await anonymous.dispose();
});

test("live error answers are the documented examples", async ({ api, request }) => {
  const doc = (await (await request.get("/api/openapi.json")).json()) as OpenApi;
  const documented = (path: string, status: number) =>
    Object.values(doc.paths[path]?.post.responses[String(status)]?.content?.["application/json"]?.examples ?? {}).map((e) => e.value);
  const cases: { path: string; body: string; options?: Parameters<typeof api>[2]; documentedAt?: string }[] = [
    { path: PATHS.general, body: "" },
    { path: PATHS.general, body: "{}", options: { method: "GET" } },
    { path: PATHS.idcard, body: "{}" },
    { path: PATHS.plate, body: '"x"' },
    { path: PATHS.license, body: "[]" },
    { path: PATHS.licenseAlias, body: "{}", options: { method: "PUT" } },
    { path: PATHS.general, body: "{}", options: { headers: { "Content-Type": "text/plain" } } },
    { path: PATHS.idcard, body: "{}", options: { signedHeaders: ["ctyun-eop-request-id", "eop-date"], after: { appkey: null } } },
    { path: "/v1/aiop/api/nosuchapi/x", body: "{}", documentedAt: "/v1/aiop/api/{apiId}" },
  ];
  for (const c of cases) {
    const result = await api(c.path, c.body, c.options);
    expect(result.status, `${c.path} ${c.body}`).toBeGreaterThanOrEqual(400);
    expect(documented(c.documentedAt ?? c.path, result.status), `${c.path} ${JSON.stringify(result.json)}`).toContainEqual(result.json);
  }
});
