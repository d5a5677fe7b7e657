import { connect, type Connection, type Db } from "./db/connect";
import { seedIfEmpty } from "./db/seed";

export type { Db };

type Cache = { connection?: Promise<Connection> };
// One connection per process: PGlite allows a single owner of its data folder, and Next.js
// may evaluate this module more than once (dev reloads, several route bundles).
const cache = globalThis as typeof globalThis & { __dtsDb?: Cache };
const state: Cache = (cache.__dtsDb ??= {});

async function open(): Promise<Connection> {
  const connection = await connect({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.DTS_DATA_DIR || undefined,
  });
  if (process.env.DTS_SEED !== "off") await seedIfEmpty(connection.prisma);
  return connection;
}

/** The connection, opened (migrated and, when empty, seeded) on first use. */
export function getConnection(): Promise<Connection> {
  if (!state.connection) {
    const opening = open();
    state.connection = opening;
    // A failed open must not stay cached: the next request tries again.
    opening.catch(() => {
      if (state.connection === opening) state.connection = undefined;
    });
  }
  return state.connection;
}

/** The one Prisma client of this process. */
export async function getDb(): Promise<Db> {
  return (await getConnection()).prisma;
}
