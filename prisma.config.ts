import { defineConfig } from "prisma/config";

// The CLI only needs a URL for `prisma migrate deploy` against a PostgreSQL server; the console
// itself applies the same migrations with lib/db/migrate.ts (PGlite has no schema engine).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/db-seed.ts" },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
