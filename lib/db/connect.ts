import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { DatabaseUnavailableError, describeForLog, isDatabaseUnavailable } from "./errors";
import { applyMigrations, type SqlRunner } from "./migrate";

/** Secrets stay out of every query unless a query asks for them by name (`omit: { passwordHash: false }`, `omit: { secretCiphertext: false }`). */
const OMIT_SECRETS = {
  user: { passwordHash: true },
  consumerGroup: { passwordHash: true },
  accessKey: { secretCiphertext: true },
} as const;

/**
 * How long a transaction may wait for a connection, and run. Prisma's defaults (2 s, 5 s) fail a
 * burst of creates on one instance: they queue on its row lock (the quota) while holding their
 * connections, and the rest wait for one. The pool's own wait is the same (CONNECT_TIMEOUT_MS).
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

function createClient(adapter: PrismaPg | PrismaPGlite) {
  return new PrismaClient({ adapter, omit: OMIT_SECRETS, transactionOptions: TRANSACTION_OPTIONS }).$extends({
    name: "database-unavailable",
    query: {
      // Every query, raw ones included: a lost database becomes one error the pages and actions
      // recognise (a clear message and a retry), whichever driver noticed it and however.
      async $allOperations({ args, query }) {
        try {
          const result: unknown = await query(args);
          return result;
        } catch (error) {
          throw isDatabaseUnavailable(error) ? new DatabaseUnavailableError(error) : error;
        }
      },
    },
  });
}

export type Db = ReturnType<typeof createClient>;

export interface Connection {
  prisma: Db;
  /** Raw SQL on the same database, for migrations and tests that bypass the app on purpose. */
  sql: SqlRunner;
  kind: "pglite" | "postgres";
  /**
   * Runs `fn` while holding a database-wide lock named by `key`, so that of several processes
   * starting together only one does it at a time (the first-start seed). PGlite has one process.
   */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** Runs `fn`'s raw statements in one transaction (bulk loads): all of them or none. */
  transaction<T>(fn: (sql: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** postgres://… selects a PostgreSQL server; otherwise the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder, or "memory://" for a throwaway in-memory database. */
  dataDir?: string;
  /** Connections in this process's pool (PostgreSQL only); default {@link DEFAULT_POOL_SIZE}. */
  poolSize?: number;
}

export const DEFAULT_DATA_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "pglite");

/** Connections per console process. Several processes share the server's max_connections (100 by default). */
export const DEFAULT_POOL_SIZE = 10;

/**
 * How long a request waits for a connection (a new one to the server, or a free one of the pool)
 * before it is told the database is unreachable. A stopped server refuses at once; this bounds an
 * unanswering host and a pool saturated for that long.
 */
const CONNECT_TIMEOUT_MS = 10_000;

/** DATABASE_POOL_SIZE, when it is a whole number from 1 to 1000; anything else is refused at start. */
export function poolSizeFrom(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1000) {
    throw new Error(`DATABASE_POOL_SIZE must be a whole number from 1 to 1000, not "${value}".`);
  }
  return Number(value);
}

/** node-postgres runs several statements in one parameterless query (the simple protocol). */
function runnerOf(query: (text: string, params?: unknown[]) => Promise<{ rows: unknown[] }>): SqlRunner {
  return {
    exec: (text) => query(text),
    query: async (text, params) => ({ rows: (await query(text, params)).rows as never[] }),
  };
}

async function connectPostgres(url: string, poolSize: number): Promise<Connection> {
  const config = { connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS };
  // Migrations and the seed lock run on a session of their own, outside the pool: an advisory lock
  // belongs to its session, and a pool of one must stay free for the queries run under the lock.
  const session = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client(config);
    client.on("error", () => {
      // A dropped session fails the query in flight, which reports it; nothing else to do here.
    });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => {});
    }
  };
  await session((client) => applyMigrations(runnerOf((text, params) => client.query(text, params))));

  const pool = new pg.Pool({ ...config, max: poolSize, idleTimeoutMillis: 30_000 });
  // An idle connection the server drops (a restart, a failover) is an 'error' on the pool; without
  // a listener it would end the process. The pool discards it and opens a new one when asked.
  pool.on("error", (error) => {
    console.error(`database connection lost: ${describeForLog(error)}`);
  });
  const prisma = createClient(new PrismaPg(pool));
  return {
    prisma,
    sql: runnerOf((text, params) => pool.query(text, params)),
    kind: "postgres",
    withLock: (key, fn) =>
      session(async (client) => {
        await client.query("SELECT pg_advisory_lock($1)", [key]);
        try {
          return await fn();
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [key]).catch(() => {});
        }
      }),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(runnerOf((text, params) => client.query(text, params)));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/**
 * PGlite's own settings plus a smaller buffer pool. PostgreSQL's default of 128 MB lives inside
 * PGlite's WebAssembly memory, which never shrinks, and duplicates pages the operating system
 * already caches from the data folder; 32 MB holds the console's working set (README "Benchmark":
 * where the memory goes).
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];

async function connectPGlite(dataDir: string): Promise<Connection> {
  // PGlite does not create a missing parent folder.
  if (!dataDir.startsWith("memory://")) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { extensions: { pg_trgm }, startParams: PGLITE_START_PARAMS });
  try {
    const sql: SqlRunner = {
      // exec runs several statements (a migration); query runs one with parameters.
      exec: (text) => pglite.exec(text),
      query: async (text, params) => ({ rows: (await pglite.query(text, params)).rows as never[] }),
    };
    await applyMigrations(sql);
    const prisma = createClient(new PrismaPGlite(pglite));
    return {
      prisma,
      sql,
      kind: "pglite",
      withLock: (_key, fn) => fn(),
      // PGlite's own transaction also holds off every other query of the process until it ends.
      transaction: (fn) =>
        pglite.transaction((tx) =>
          fn({
            exec: (text) => tx.exec(text),
            query: async (text, params) => ({ rows: (await tx.query(text, params)).rows as never[] }),
          }),
        ),
      close: async () => {
        await prisma.$disconnect();
        await pglite.close();
      },
    };
  } catch (error) {
    await pglite.close().catch(() => {});
    throw error;
  }
}

/** Opens the database, applies pending migrations and returns a Prisma client on it. */
export async function connect(options: ConnectOptions = {}): Promise<Connection> {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return connectPostgres(url, options.poolSize ?? DEFAULT_POOL_SIZE);
  if (url) throw new Error("DATABASE_URL must start with postgres:// or postgresql://");
  return connectPGlite(options.dataDir ?? DEFAULT_DATA_DIR);
}
