import { b64, solidPng } from "../fixtures/images";
import { callApi, createApiAccount, expect, grantPack, listPacks, PATHS, test } from "../fixtures/api-client";

// Quota under concurrency, read back through the operator CLI (`admin list-packs`).

const usedCalls = (email: string) => listPacks(email, "general").reduce((sum, p) => sum + p.used, 0);

test("N parallel calls are charged exactly N", async ({ request }) => {
  const account = createApiAccount();
  grantPack(account.email, "general", 100);
  const image = b64(await solidPng(64, 64));
  const results = await Promise.all(Array.from({ length: 8 }, () => callApi(request, account, PATHS.general, { data: [image] })));
  expect(results.map((r) => r.json.statusCode)).toEqual(Array(8).fill(0));
  expect(usedCalls(account.email)).toBe(8);
});

test("with k < N calls left, exactly k parallel calls succeed", async ({ request }) => {
  const account = createApiAccount();
  grantPack(account.email, "general", 3);
  const image = b64(await solidPng(64, 64));
  const results = await Promise.all(Array.from({ length: 7 }, () => callApi(request, account, PATHS.general, { data: [image] })));
  const codes = results.map((r) => r.json.statusCode);
  expect(codes.filter((c) => c === 0)).toHaveLength(3);
  expect(codes.filter((c) => c === 51003)).toHaveLength(4);
  expect(usedCalls(account.email)).toBe(3);
});

test("failed images are not charged", async ({ request }) => {
  const account = createApiAccount();
  grantPack(account.email, "general", 10);
  const image = b64(await solidPng(64, 64));
  const result = await callApi(request, account, PATHS.general, { data: [image, "!!", image, ""] });
  expect(result.json.message).toEqual({ success: 2, fail: 2 });
  expect(usedCalls(account.email)).toBe(2);
});

test("a batch larger than the calls left is refused whole (51003)", async ({ request }) => {
  const account = createApiAccount();
  grantPack(account.email, "general", 2);
  const image = b64(await solidPng(64, 64));
  const result = await callApi(request, account, PATHS.general, { data: [image, image, image] });
  expect(result.status).toBe(403);
  expect(result.json).toEqual({
    statusCode: 51003,
    message: "API 可用次数已不足",
    error: "EOP_51003",
    details: "fewer general calls left than the 3 images of this request",
  });
  expect(usedCalls(account.email)).toBe(0);
});
