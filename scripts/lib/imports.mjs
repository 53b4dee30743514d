// Reads the project's import graph from source text: every `import … from "…"`, `export … from "…"`,
// `import("…")` and side-effect `import "…"` of a repo file (the `@/` alias or a relative path),
// resolved to the file it names and to the folder ("room") that file belongs to.
import fs from "node:fs";
import path from "node:path";

const SOURCE = /\.(ts|tsx|mjs|js)$/;
const SKIP_DIRS = new Set(["node_modules", ".next", ".git", ".ocr-worker", "data", "bench-results", "test-results", "playwright-report", "generated"]);
const IMPORT = /(?:\bimport|\bexport)\s[^;"'`]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|\bimport\s+["']([^"']+)["']/g;
const EXTENSIONS = ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts", "/index.tsx"];

/** Source files under `root`, as repo-relative POSIX paths. */
export function listSources(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (entry.name.startsWith(".") || SKIP_DIRS.has(entry.name)) continue;
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts") && !entry.name.endsWith(".d.mts")) out.push(rel);
    }
  };
  walk("");
  return out.sort();
}

/** The module specifiers a source text imports (comments are not stripped: write no import-looking text in them). */
export function importSpecifiers(text) {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** The repo file `specifier` (imported by `from`) names, or null for packages and unknown files. */
export function resolveImport(specifier, from, exists) {
  let base;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  else return null;
  for (const ext of EXTENSIONS) if (exists(base + ext)) return base + ext;
  return null;
}

/** The room a repo file belongs to: `lib/<folder>` (a top-level lib file is its own room), `components/ui`, or the top folder. */
export function roomOf(file) {
  const parts = file.split("/");
  if (parts.length === 1) return "(root)";
  if (parts[0] === "lib") return `lib/${parts[1].split(".")[0]}`;
  if (parts[0] === "components" && parts[1] === "ui") return "components/ui";
  return parts[0];
}

/** Every import edge between repo files: `{ from, to, specifier }`. */
export function readImportEdges(root) {
  const files = listSources(root);
  const known = new Set(files);
  const exists = (rel) => known.has(rel) || fs.existsSync(path.join(root, rel)) && fs.statSync(path.join(root, rel)).isFile();
  const edges = [];
  for (const from of files) {
    for (const specifier of importSpecifiers(fs.readFileSync(path.join(root, from), "utf8"))) {
      const to = resolveImport(specifier, from, exists);
      if (to) edges.push({ from, to, specifier });
    }
  }
  return edges;
}
