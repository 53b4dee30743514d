// ARCHITECTURE.md's "who may import whom" as data, checked by scripts/check-boundaries.mjs (npm run lint).
// Rooms are those of roomOf() in ./imports.mjs. A room's files may import their own room and the
// rooms (or single files, ending in an extension) in `may`; `types` are allowed for `import type`
// only (erased at build: a client component may name a server module's result type). `*` ends a
// prefix: "lib/*" is every lib room. Allowed arrows all point down: the test of this module
// checks that they form no cycle, so an import that runs up is always a violation.
import { importSpecifiers, isTestFile, roomOf } from "./imports.mjs";

export const ROOMS = {
  "(root)": { may: ["lib/*"], why: "instrumentation.ts, proxy.ts and the tool configs" },
  app: { may: ["components", "components/ui", "lib/*"], why: "routing adapters" },
  components: {
    may: [
      "components/ui",
      "lib/actions",
      "lib/capabilities/catalog.ts",
      "lib/exports",
      "lib/playground/normalize.ts",
      "lib/query",
      "lib/validation",
    ],
    types: ["lib/data", "lib/playground"],
    why: "feature UI, client leaves",
  },
  "components/ui": { may: [], why: "primitives without domain words" },
  "lib/query": { may: ["lib/validation"], types: ["lib/data"], why: "React Query hooks (client)" },
  "lib/actions": {
    may: [
      "lib/auth",
      "lib/capabilities/catalog.ts",
      "lib/data",
      "lib/errors",
      "lib/observability",
      "lib/payments",
      "lib/playground",
      "lib/validation",
    ],
    why: "server actions",
  },
  "lib/playground": {
    may: ["lib/capabilities", "lib/data", "lib/env", "lib/errors", "lib/gateway", "lib/observability"],
    why: "signs console calls to the public API",
  },
  "lib/exports": {
    may: ["lib/capabilities/catalog.ts", "lib/env", "lib/playground/normalize.ts"],
    why: "export builders (TXT, Markdown, CSV, DOCX, XLSX, searchable PDF): pure, client and server",
  },
  "lib/admin": {
    serverOnly: true,
    may: ["lib/capabilities/catalog.ts", "lib/crypto", "lib/data", "lib/db", "lib/env", "lib/errors"],
    why: "operator CLI",
  },
  "lib/gateway": {
    may: ["lib/capabilities", "lib/data", "lib/db-faults", "lib/env", "lib/errors", "lib/limits", "lib/net", "lib/observability"],
    why: "HTTP, auth and quota of the public API; knows no OCR",
  },
  "lib/auth": {
    serverOnly: true,
    may: ["lib/crypto", "lib/data", "lib/db", "lib/env", "lib/errors", "lib/limits", "lib/observability", "lib/validation"],
    why: "console sessions and throttles",
  },
  "lib/data": {
    serverOnly: true,
    may: [
      "lib/capabilities/catalog.ts",
      "lib/crypto",
      "lib/db",
      "lib/db-faults",
      "lib/env",
      "lib/errors",
      "lib/generated",
      "lib/observability",
      "lib/validation",
    ],
    why: "Prisma access, one file per entity",
  },
  "lib/validation": { may: ["lib/capabilities/catalog.ts"], why: "zod schemas" },
  "lib/capabilities": {
    // Endpoints answer their path/method codes in the gateway's shape (lib/errors, a leaf).
    may: ["lib/env", "lib/errors", "lib/images", "lib/observability", "lib/ocr", "lib/readers/*"],
    why: "per-API contract: request checks, errors, handlers, response shapes",
  },
  "lib/readers": { may: ["lib/ocr", "lib/readers/*"], why: "the worker bundle's entry: engine loop + reader tasks" },
  "lib/readers/idcard": { may: ["lib/images", "lib/ocr", "lib/readers/layout"], why: "ID card reading" },
  "lib/readers/plate": { may: ["lib/images", "lib/ocr", "lib/readers/layout"], why: "plate reading" },
  "lib/readers/license": { may: ["lib/images", "lib/ocr", "lib/readers/layout"], why: "business licence reading" },
  "lib/readers/document": { may: ["lib/images", "lib/ocr"], why: "document layout: paragraphs, reading order, tables" },
  "lib/readers/layout": { may: [], types: ["lib/ocr"], why: "text-line layout shared by the readers: no pixels" },
  "lib/ocr": { may: ["lib/env", "lib/images", "lib/observability"], why: "the generic engine: det/cls/rec, geometry, workers" },
  "lib/images": { may: [], why: "decoding and limits" },
  "lib/observability": { serverOnly: true, may: ["lib/env"], why: "logger, metrics, stage clock" },
  "lib/payments": { may: ["lib/env"], why: "payment providers" },
  "lib/limits": { serverOnly: true, may: ["lib/env"], why: "attempt counters (memory or Redis)" },
  "lib/crypto": { serverOnly: true, may: ["lib/env"], why: "keys, secret box, password hashing" },
  "lib/db": { serverOnly: true, may: ["lib/db-faults", "lib/env", "lib/generated", "lib/observability"], why: "the Prisma client" },
  "lib/jobs": { serverOnly: true, may: ["lib/data", "lib/env", "lib/observability"], why: "periodic jobs started from instrumentation.ts" },
  "lib/readiness": {
    serverOnly: true,
    may: ["lib/data", "lib/db", "lib/limits", "lib/ocr", "lib/observability"],
    why: "GET /api/ready: models, database, Redis",
  },
  "lib/db-faults": {
    serverOnly: true,
    may: ["lib/errors"],
    why: "classifies database errors (unavailable, conflict) and retries with timers",
  },
  "lib/contract": {
    may: ["lib/capabilities", "lib/errors"],
    why: "the OpenAPI document and the docs tables, generated from the served definitions",
  },
  "lib/env": { may: ["lib/net"], why: "the only reader of process.env" },
  "lib/net": { may: [], why: "address parsing shared with scripts/server.mjs" },
  "lib/errors": { may: [], why: "error tables and types shared by layers (the gateway's EOP codes)" },
  "lib/generated": { may: [], why: "generated Prisma client" },
  scripts: { may: ["e2e", "lib/*", "tests"], why: "orchestration, migrations, CLI, measurement (fault scripts share test support)" },
  tests: { may: ["*"], why: "integration tests and test support" },
  e2e: { may: ["(root)"], why: "HTTP/browser tests, independent of lib by design" },
};

/** Files that turn text lines into fields: "extractors know no pixels", so from the engine they take types only. */
const TEXT_ONLY = /^lib\/readers\/(layout\/|[^/]+\/extract-)/;
const PIXEL_ROOMS = ["lib/ocr", "lib/images"];

const matches = (entry, room, file) =>
  entry.endsWith("*")
    ? (room + "/").startsWith(entry.slice(0, -1)) || entry === "*"
    : /\.[a-z]+$/.test(entry)
      ? entry === file
      : entry === room;

/**
 * Why the edge `from` → `to` breaks the table, or null when it is allowed. Test files may also
 * import test support (tests/), and a test's own room's rules apply to it.
 */
export function violation({ from, to, typeOnly }) {
  const source = roomOf(from);
  const target = roomOf(to);
  const rule = ROOMS[source];
  if (!rule) return `${from}: room ${source} is not in the table (scripts/lib/boundaries.mjs)`;
  if (TEXT_ONLY.test(from) && !typeOnly && PIXEL_ROOMS.includes(target))
    return `${from} → ${to}: text extraction imports only types from the engine`;
  if (source === target) return null;
  if (isTestFile(from) && target === "tests") return null;
  if (rule.may.some((entry) => matches(entry, target, to))) return null;
  if (typeOnly && (rule.types ?? []).some((entry) => matches(entry, target, to))) return null;
  return `${from} → ${to}: ${source} may not import ${target}`;
}

/**
 * Files of a `serverOnly` room that do not `import "server-only"` (Next then refuses to bundle them
 * into client code). `sources`: `{ file, text }` of non-test source files.
 */
export function serverOnlyViolations(sources) {
  return sources
    .filter(({ file }) => ROOMS[roomOf(file)]?.serverOnly && !isTestFile(file))
    .filter(({ text }) => !importSpecifiers(text).some(({ specifier }) => specifier === "server-only"))
    .map(({ file }) => `${file}: its room is server-only; add import "server-only"`);
}

/** Every edge that breaks the table, each message once. */
export const violations = (edges) => [...new Set(edges.flatMap((edge) => violation(edge) ?? []))];

/** The rooms `room` may import under the table, wildcards expanded over the table's rooms (files count as their room). */
export function allowedRooms(room) {
  const rule = ROOMS[room];
  return Object.keys(ROOMS).filter(
    (other) =>
      other !== room &&
      [...rule.may, ...(rule.types ?? [])].some(
        (entry) => matches(entry, other, "") || (/\.[a-z]+$/.test(entry) && roomOf(entry) === other),
      ),
  );
}
