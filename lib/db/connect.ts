import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { applyMigrations, type SqlRunner } from "./migrate";

/** Secrets stay out of every query unless a query asks for them by name (`omit: { passwordHash: false }`, `omit: { secretCiphertext: false }`). */
const OMIT_SECRETS = {
  user: { passwordHash: true },
  consumerGroup: { passwordHash: true },
  accessKey: { secretCiphertext: true },
} as const;

function createClient(adapter: PrismaPg | PrismaPGlite) {
  return new PrismaClient({ adapter, omit: OMIT_SECRETS });
}

export type Db = ReturnType<typeof createClient>;

export interface Connection {
  prisma: Db;
  /** Raw SQL on the same database, for migrations and tests that bypass the app on purpose. */
  sql: SqlRunner;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** postgres://… selects a PostgreSQL server; otherwise the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder, or "memory://" for a throwaway in-memory database. */
  dataDir?: string;
}

export const DEFAULT_DATA_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "pglite");

/** Opens the database, applies pending migrations and returns a Prisma client on it. */
export async function connect(options: ConnectOptions = {}): Promise<Connection> {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const sql: SqlRunner = {
      exec: (text) => pool.query(text),
      query: async (text, params) => {
        const r = await pool.query(text, params);
        return { rows: r.rows as never[] };
      },
    };
    // The migration runner needs one session for its advisory lock and transactions.
    const client = await pool.connect();
    try {
      await applyMigrations({
        exec: (text) => client.query(text),
        query: async (text, params) => ({ rows: (await client.query(text, params)).rows as never[] }),
      });
    } finally {
      client.release();
    }
    const prisma = createClient(new PrismaPg(pool));
    return {
      prisma,
      sql,
      kind: "postgres",
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  if (url) throw new Error("DATABASE_URL must start with postgres:// or postgresql://");

  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  // PGlite does not create a missing parent folder.
  if (!dataDir.startsWith("memory://")) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  try {
    const sql: SqlRunner = {
      exec: (text) => pglite.exec(text),
      query: async (text, params) => {
        const r = await pglite.query(text, params as unknown[]);
        return { rows: r.rows as never[] };
      },
    };
    await applyMigrations(sql);
    const prisma = createClient(new PrismaPGlite(pglite));
    return {
      prisma,
      sql,
      kind: "pglite",
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
