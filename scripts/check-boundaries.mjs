#!/usr/bin/env node
// `npm run lint` stage: every import between repo files must follow ARCHITECTURE.md's table
// (scripts/lib/boundaries.mjs). Biome's noRestrictedImports sees the written specifier only,
// so a relative path ("../card/x") would slip past it; this resolves each import to its file.
// It also checks that every file of a server-only room imports "server-only".
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { serverOnlyViolations, violations } from "./lib/boundaries.mjs";
import { listSources, readImportEdges } from "./lib/imports.mjs";

// Optional argument: another checkout to check (e.g. an older commit exported with git archive).
const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), ".."));
const edges = readImportEdges(root);
const sources = listSources(root).map((file) => ({ file, text: fs.readFileSync(path.join(root, file), "utf8") }));
const found = [...violations(edges), ...serverOnlyViolations(sources)];
for (const line of found) console.error(line);
console.log(found.length ? `${found.length} import(s) break ARCHITECTURE.md's table` : `imports: ${edges.length} checked, boundaries kept`);
process.exit(found.length ? 1 : 0);
