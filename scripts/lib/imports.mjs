// Reads the project's import graph from source text: every `import … from "…"`, `export … from "…"`,
// `import("…")` and side-effect `import "…"` of a repo file (the `@/` alias or a relative path),
// resolved to the file it names and to the folder ("room") that file belongs to.
import fs from "node:fs";
import path from "node:path";

const SOURCE = /\.(ts|tsx|mjs|js)$/;
// Run-time output at the top (the database under data/, reports) and generated code anywhere.
const SKIP_TOP = new Set(["data", "bench-results", "test-results", "playwright-report", "deploy", "prisma"]);
const SKIP_ANY = new Set(["node_modules", "generated"]);
const IMPORT =
  /(?:\bimport|\bexport)\s+(type\s)?[^;"'`]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|\bimport\s+["']([^"']+)["']/g;
const EXTENSIONS = ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts", "/index.tsx"];

/** Source files under `root`, as repo-relative POSIX paths. */
export function listSources(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (entry.name.startsWith(".") || SKIP_ANY.has(entry.name) || (!dir && SKIP_TOP.has(entry.name))) continue;
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts") && !entry.name.endsWith(".d.mts")) out.push(rel);
    }
  };
  walk("");
  return out.sort();
}

/**
 * The modules a source text imports: `{ specifier, typeOnly }` (`import type … from`, erased at
 * build). Comments are not stripped: write no import-looking text in them.
 */
export function importSpecifiers(text) {
  return [...text.matchAll(IMPORT)].map((m) => ({ specifier: m[2] ?? m[3] ?? m[4], typeOnly: Boolean(m[1]) }));
}

/** The repo file `specifier` (imported by `from`) names, or null for packages and unknown files. */
export function resolveImport(specifier, from, exists) {
  let base;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("./") || specifier.startsWith("../"))
    base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  else return null;
  for (const ext of EXTENSIONS) if (exists(base + ext)) return base + ext;
  return null;
}

/**
 * The room a repo file belongs to: `lib/<folder>` (a top-level lib file is its own room; a
 * reader's folder is `lib/readers/<document>`), `components/ui`, or the top folder.
 */
export function roomOf(file) {
  const parts = file.split("/");
  if (parts.length === 1) return "(root)";
  if (parts[0] === "lib" && parts[1] === "readers" && parts.length > 3) return `lib/readers/${parts[2]}`;
  if (parts[0] === "lib") return `lib/${parts[1].split(".")[0]}`;
  if (parts[0] === "components" && parts[1] === "ui") return "components/ui";
  return parts[0];
}

/** Every import edge between repo files: `{ from, to, specifier, typeOnly }`. */
export function readImportEdges(root) {
  const files = listSources(root);
  const known = new Set(files);
  const exists = (rel) => known.has(rel) || (fs.existsSync(path.join(root, rel)) && fs.statSync(path.join(root, rel)).isFile());
  const edges = [];
  for (const from of files) {
    for (const { specifier, typeOnly } of importSpecifiers(fs.readFileSync(path.join(root, from), "utf8"))) {
      const to = resolveImport(specifier, from, exists);
      if (to) edges.push({ from, to, specifier, typeOnly });
    }
  }
  return edges;
}

/** Test files: `*.test.ts(x)` beside their module, `*.spec.ts` under e2e/. */
export const isTestFile = (file) => /\.(test|spec)\.tsx?$/.test(file);
