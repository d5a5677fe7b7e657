import "server-only";
import { getDb } from "../db";
import { readMigrations } from "./migrate";

// The migrations this build ships: read from disk once, not on every probe.
let shipped: Promise<string[]> | undefined;

export type Readiness = { ready: true } | { ready: false; reason: "database" | "migrations" };

/**
 * Whether this process can serve (docs/rules.md "Health"): the database answers, and every
 * migration in prisma/migrations has finished on it. One statement.
 */
export async function readiness(): Promise<Readiness> {
  shipped ??= readMigrations().then((all) => all.map((m) => m.name));
  const expected = await shipped;
  let applied: Set<string>;
  try {
    const db = await getDb();
    const rows = await db.$queryRaw<{ name: string }[]>`
      SELECT "migration_name" AS "name" FROM "_prisma_migrations"
       WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
    applied = new Set(rows.map((r) => r.name));
  } catch {
    return { ready: false, reason: "database" };
  }
  return expected.every((name) => applied.has(name)) ? { ready: true } : { ready: false, reason: "migrations" };
}
