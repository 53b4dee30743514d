#!/usr/bin/env node
// Folder-to-folder ("room") import counts of the production code (test files left out), the
// rooms caught in a cycle (some arrow between them runs up) and the imports that break
// ARCHITECTURE.md's table. `node scripts/import-graph.mjs [checkout]`, e.g. an older commit
// exported with `git archive <commit> | tar -x -C /tmp/old`.
import path from "node:path";
import { fileURLToPath } from "node:url";

import { violations } from "./lib/boundaries.mjs";
import { isTestFile, readImportEdges, roomOf } from "./lib/imports.mjs";

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), ".."));
const edges = readImportEdges(root).filter((edge) => !isTestFile(edge.from));

const counts = new Map();
for (const { from, to } of edges) {
  const key = `${roomOf(from)} → ${roomOf(to)}`;
  if (roomOf(from) !== roomOf(to)) counts.set(key, (counts.get(key) ?? 0) + 1);
}
for (const [key, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) console.log(`${String(n).padStart(4)}  ${key}`);

// Room pairs that import each other, directly or around a longer loop: one of their arrows runs up.
const next = new Map();
for (const key of counts.keys()) {
  const [a, b] = key.split(" → ");
  next.set(a, [...(next.get(a) ?? []), b]);
}
const reaches = (a, b, seen = new Set()) =>
  (next.get(a) ?? []).some((n) => n === b || (!seen.has(n) && seen.add(n) && reaches(n, b, seen)));
const upward = [...counts.keys()].filter((key) => {
  const [a, b] = key.split(" → ");
  return reaches(b, a);
});

const broken = violations(edges);
console.log(`\n${counts.size} room-to-room arrows, ${[...counts.values()].reduce((s, n) => s + n, 0)} imports`);
console.log(`arrows in a cycle (one direction runs up): ${upward.length}${upward.length ? `\n  ${upward.join("\n  ")}` : ""}`);
console.log(`imports breaking ARCHITECTURE.md's table: ${broken.length}`);
