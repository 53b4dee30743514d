import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file; migrations run through scripts/db/migrate.mjs
// (WebAssembly schema engine), because engine binaries cannot be downloaded offline.
export default defineConfig({
  schema: "prisma/schema.prisma",
});
