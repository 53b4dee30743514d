import { beforeAll, describe, expect, test } from "vitest";

import { useTempDatabase } from "@/tests/support/temp-db";

useTempDatabase();
const { createUser } = await import("@/lib/data/users");
const { PLAYGROUND_RESULTS_KEPT, deletePlaygroundResult, getPlaygroundResultImage, listPlaygroundResults, savePlaygroundResult } =
  await import("@/lib/data/playground-results");

let alice = "";
let bob = "";
beforeAll(async () => {
  alice = (await createUser({ email: "pg-alice@example.com", password: "password123" })).id;
  bob = (await createUser({ email: "pg-bob@example.com", password: "password123" })).id;
});

const save = (userId: string, name: string) =>
  savePlaygroundResult({
    userId,
    capability: "general",
    name,
    image: new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]),
    imageMime: "image/jpeg",
    width: 10,
    height: 20,
    requestId: `req-${name}`,
    httpStatus: 200,
    response: { statusCode: 0, returnObj: [{ text_line: 0, detail: [] }] },
    source: "api",
  });

describe("playground recent results", () => {
  test("keeps the newest 20 per user, with the picture and the answer", async () => {
    for (let i = 0; i < PLAYGROUND_RESULTS_KEPT + 3; i++) await save(alice, `p${i}.jpg`);
    await save(bob, "bob.jpg");
    const list = await listPlaygroundResults({ userId: alice });
    expect(list).toHaveLength(20);
    expect(list[0]?.name).toBe("p22.jpg");
    expect(list.at(-1)?.name).toBe("p3.jpg");
    expect(list[0]?.response).toEqual({ statusCode: 0, returnObj: [{ text_line: 0, detail: [] }] });
    expect(await getPlaygroundResultImage({ userId: alice, id: list[0]!.id })).toEqual({
      bytes: new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]),
      mime: "image/jpeg",
    });
    expect(await listPlaygroundResults({ userId: bob })).toHaveLength(1);
  });

  test("deletes only the owner's result", async () => {
    const [first] = await listPlaygroundResults({ userId: alice });
    expect(await deletePlaygroundResult({ userId: bob, id: first!.id })).toBe(false);
    expect(await getPlaygroundResultImage({ userId: bob, id: first!.id })).toBeNull();
    expect(await deletePlaygroundResult({ userId: alice, id: first!.id })).toBe(true);
    expect((await listPlaygroundResults({ userId: alice })).map((r) => r.id)).not.toContain(first!.id);
  });
});
