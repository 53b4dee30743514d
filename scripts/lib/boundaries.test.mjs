import { describe, expect, test } from "vitest";

import { allowedRooms, ROOMS, serverOnlyViolations, violation } from "./boundaries.mjs";
import { importSpecifiers, resolveImport, roomOf } from "./imports.mjs";

const edge = (from, to, typeOnly = false) => ({ from, to, typeOnly });

describe("the table", () => {
  test("allows no cycle, so every allowed arrow points down", () => {
    const state = new Map();
    const visit = (room, path) => {
      if (state.get(room) === "done") return;
      if (state.get(room) === "open") throw new Error(`cycle: ${[...path, room].join(" → ")}`);
      state.set(room, "open");
      for (const next of allowedRooms(room)) if (next !== "tests") visit(next, [...path, room]);
      state.set(room, "done");
    };
    for (const room of Object.keys(ROOMS).filter((r) => r !== "tests")) visit(room, []);
  });

  test("expands wildcards and files into rooms", () => {
    expect(allowedRooms("lib/capabilities")).toEqual(expect.arrayContaining(["lib/ocr", "lib/readers/plate", "lib/readers/layout"]));
    expect(allowedRooms("components")).toContain("lib/capabilities");
  });
});

describe("violation", () => {
  test.each([
    ["the engine imports a reader", edge("lib/ocr/worker/file-tasks.ts", "lib/readers/plate/read-plates.ts")],
    ["images import the engine", edge("lib/images/decode-image.ts", "lib/ocr/types.ts", true)],
    ["lib imports scripts", edge("lib/ocr/engine.ts", "scripts/lib/prepare.mjs")],
    ["lib imports e2e", edge("lib/gateway/handle-request.ts", "e2e/fixtures/eop-sign.ts")],
    ["production code imports test support", edge("lib/readers/plate/ink-mask.ts", "tests/support/test-picture.ts")],
    ["one reader imports another", edge("lib/readers/idcard/read-nation.ts", "lib/readers/plate/ctc-grammar.ts")],
    ["text extraction imports pixel code", edge("lib/readers/idcard/extract-fields.ts", "lib/ocr/geometry/index.ts")],
    ["layout imports an engine value", edge("lib/readers/layout/layout.ts", "lib/ocr/types.ts")],
    ["a client component imports a server module's value", edge("components/overview/daily-calls-chart.tsx", "lib/data/usage.ts")],
    ["a component imports a capability handler", edge("components/playground/playground.tsx", "lib/capabilities/plate/handler.ts")],
    ["e2e imports lib", edge("e2e/fixtures/api-client.ts", "lib/gateway/eop-signature.ts")],
  ])("%s", (_, e) => {
    expect(violation(e)).toMatch(/may not import|only types/);
  });

  test.each([
    ["a capability uses its reader", edge("lib/capabilities/plate/recognize.ts", "lib/readers/plate/on-worker.ts")],
    ["a reader uses the engine", edge("lib/readers/plate/read-plates.ts", "lib/ocr/geometry/index.ts")],
    ["a reader uses the shared layout", edge("lib/readers/idcard/zoom.ts", "lib/readers/layout/layout.ts")],
    ["text extraction names engine types", edge("lib/readers/idcard/extract-fields.ts", "lib/ocr/types.ts", true)],
    ["a client component names a server module's type", edge("components/overview/daily-calls-chart.tsx", "lib/data/usage.ts", true)],
    ["a unit test uses test support", edge("lib/readers/plate/ink-mask.test.ts", "tests/support/test-picture.ts")],
    ["the worker entry composes engine and readers", edge("lib/readers/worker-entry.ts", "lib/ocr/worker/ocr-worker.ts")],
  ])("allows: %s", (_, e) => {
    expect(violation(e)).toBeNull();
  });

  test("a room missing from the table is reported", () => {
    expect(violation(edge("lib/extractors/idcard.ts", "lib/ocr/types.ts"))).toMatch(/not in the table/);
  });
});

describe("reading imports", () => {
  test("finds every import form, type-only ones marked", () => {
    const text = [
      'import "server-only";',
      'import type { A } from "@/lib/a";',
      'import {\n  type B,\n  c,\n} from "./b";',
      'export { d } from "../d";',
      'export type { E } from "./e";',
      'const f = await import("./f");',
      'import fs from "node:fs";',
    ].join("\n");
    expect(importSpecifiers(text)).toEqual([
      { specifier: "server-only", typeOnly: false },
      { specifier: "@/lib/a", typeOnly: true },
      { specifier: "./b", typeOnly: false },
      { specifier: "../d", typeOnly: false },
      { specifier: "./e", typeOnly: true },
      { specifier: "./f", typeOnly: false },
      { specifier: "node:fs", typeOnly: false },
    ]);
  });

  test("resolves the alias and relative paths to files, packages to nothing", () => {
    const files = new Set(["lib/ocr/types.ts", "lib/ocr/geometry/index.ts", "lib/net/addresses.mjs"]);
    const exists = (f) => files.has(f);
    expect(resolveImport("@/lib/ocr/types", "lib/readers/plate/x.ts", exists)).toBe("lib/ocr/types.ts");
    expect(resolveImport("../geometry", "lib/ocr/det/x.ts", exists)).toBe("lib/ocr/geometry/index.ts");
    expect(resolveImport("./net/addresses.mjs", "lib/env.ts", exists)).toBe("lib/net/addresses.mjs");
    expect(resolveImport("sharp", "lib/images/decode-image.ts", exists)).toBeNull();
  });

  test("names rooms", () => {
    expect(roomOf("lib/env.test.ts")).toBe("lib/env");
    expect(roomOf("lib/readers/plate/read-plates.ts")).toBe("lib/readers/plate");
    expect(roomOf("lib/readers/worker-entry.ts")).toBe("lib/readers");
    expect(roomOf("components/ui/button.tsx")).toBe("components/ui");
    expect(roomOf("components/apps/app-form-dialog.tsx")).toBe("components");
    expect(roomOf("proxy.ts")).toBe("(root)");
  });
});

describe("server-only rooms", () => {
  test("a data-layer file without the guard is reported; with it, a test file or another room is not", () => {
    const sources = [
      { file: "lib/data/apps.ts", text: 'import { db } from "@/lib/db";\n' },
      { file: "lib/data/packs.ts", text: 'import "server-only";\n\nimport { db } from "@/lib/db";\n' },
      { file: "lib/data/packs.test.ts", text: 'import { test } from "vitest";\n' },
      { file: "lib/ocr/engine-core.ts", text: 'import fs from "node:fs";\n' },
    ];
    expect(serverOnlyViolations(sources)).toEqual(['lib/data/apps.ts: its room is server-only; add import "server-only"']);
  });
});
