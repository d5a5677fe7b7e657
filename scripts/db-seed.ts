// `npm run db:seed`: seeds the demo console (idempotent: existing instances are left alone).
import { connect } from "../lib/db/connect";
import { seedDatabase } from "../lib/db/seed";

const conn = await connect({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DTS_DATA_DIR || undefined });
const result = await seedDatabase(conn.prisma);
console.log(`${conn.kind}: seeded ${result.instances} new instance(s); demo users ensured.`);
await conn.close();
