// The process's one database connection, opened on first use (connect.ts), migrated and seeded
// before anything reads it (bootstrap.ts): `getDb()` for every read and write.
import { bootstrap } from "./bootstrap";
import { connect, poolSizeFrom, type Connection, type Db } from "./connect";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "./errors";

export type { Db };
/** A transaction's client: what `db.$transaction(async (tx) => …)` hands its callback. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

type Cache = { connection?: Promise<Connection> };
// One connection per process: PGlite allows a single owner of its data folder, and Next.js
// may evaluate this module more than once (dev reloads, several route bundles).
const cache = globalThis as typeof globalThis & { __dtsDb?: Cache };
const state: Cache = (cache.__dtsDb ??= {});

async function open(): Promise<Connection> {
  const connection = await connect({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.DTS_DATA_DIR || undefined,
    poolSize: poolSizeFrom(process.env.DATABASE_POOL_SIZE),
  });
  try {
    const done = await bootstrap(connection);
    if (done.demoInstances) console.log(`Seeded the demo console (${done.demoInstances} instances).`);
    if (done.admin === "created") console.log(`Created the first admin, ${process.env.ADMIN_USERNAME ?? ""}.`);
  } catch (error) {
    // A half-opened connection is closed, so the next attempt starts clean (and PGlite's data
    // folder is free again).
    await connection.close().catch(() => {});
    throw error;
  }
  return connection;
}

/**
 * The connection, opened (migrated and, on a first start, seeded) on first use. A failed open is
 * not kept: the next request tries again, so the console recovers when the database comes back.
 * Once open, the PostgreSQL pool replaces connections the server dropped by itself.
 */
export function getConnection(): Promise<Connection> {
  if (!state.connection) {
    const opening = open().catch((error: unknown) => {
      throw isDatabaseUnavailable(error) ? new DatabaseUnavailableError(error) : error;
    });
    state.connection = opening;
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

/** Closes this process's connection and forgets it (shutdown; tests that switch databases). */
export async function closeConnection(): Promise<void> {
  const opening = state.connection;
  state.connection = undefined;
  if (opening) await (await opening.catch(() => null))?.close();
}
