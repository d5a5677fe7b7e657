// `npm run db:migrate`: applies pending migrations to the configured database, then exits.
import { connect } from "../lib/db/connect";

const conn = await connect({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DTS_DATA_DIR || undefined });
const { rows } = await conn.sql.query<{ migration_name: string }>(
  `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
);
console.log(`${conn.kind}: ${rows.length} migration(s) applied: ${rows.map((r) => r.migration_name).join(", ")}`);
await conn.close();
