// `npm run admin -- <command>`: makes sure the client and database are ready, then runs
// scripts/admin.ts. Set-up chatter goes to stderr so stdout carries exactly one JSON document.
import { spawnSync } from "node:child_process";
import path from "node:path";

import { ensureDatabase, ensurePrismaClient, root } from "./lib/prepare.mjs";
import { childEnv } from "../lib/env/child-env.mjs";

await ensurePrismaClient();
ensureDatabase();
// The react-server condition makes `server-only` importable outside Next (it is a guard for bundles).
const result = spawnSync(
  process.execPath,
  ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/admin.ts"), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
    // A command may wait for the server's write lock; no event loop to keep free here (lib/db.ts).
    env: childEnv({}, { SQLITE_BUSY_TIMEOUT_MS: "5000" }),
  },
);
process.exit(result.status ?? 1);
