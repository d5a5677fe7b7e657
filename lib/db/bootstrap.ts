import { randomUUID } from "node:crypto";
import { hashPassword } from "../auth/password";
import type { Connection } from "./connect";
import { seedIfEmpty } from "./seed";

/** The settings that decide what a first start puts in the database (README "Configuration"). */
export interface BootstrapEnv {
  /** "1" seeds the demo console into an empty database, "0" never does; unset: only on PGlite. */
  DEMO?: string;
  ADMIN_USERNAME?: string;
  ADMIN_PASSWORD?: string;
  /** "off" skips all of it (tests that bring their own data). */
  DTS_SEED?: string;
}

/** Not Prisma Migrate's key (lib/db/migrate.ts): seeding may run while nobody migrates. */
const BOOTSTRAP_LOCK_KEY = 72707370;

/** Same rule as the app_user_username_check CHECK. */
const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const ADMIN_PASSWORD_MIN = 12;

export interface BootstrapResult {
  demoInstances: number;
  demo: boolean;
  admin: "created" | "exists" | null;
}

/** Whether this start seeds the demo: DEMO=1 always, DEMO=0 never, else only the embedded PGlite. */
export function wantsDemo(env: BootstrapEnv, kind: Connection["kind"]): boolean {
  if (env.DEMO === "1" || env.DEMO === "true") return true;
  if (env.DEMO === "0" || env.DEMO === "false") return false;
  return kind === "pglite";
}

/**
 * Creates the first admin from ADMIN_USERNAME / ADMIN_PASSWORD unless a user of that name exists;
 * an existing user is left as it is (the variables bootstrap an account, they do not manage it).
 */
export async function ensureFirstAdmin(conn: Connection, username: string, password: string): Promise<"created" | "exists"> {
  if (!USERNAME_PATTERN.test(username)) throw new Error("ADMIN_USERNAME must be 1 to 64 letters, digits, '_', '.' or '-'.");
  if (password.length < ADMIN_PASSWORD_MIN || password.length > 256) {
    throw new Error(`ADMIN_PASSWORD must be ${ADMIN_PASSWORD_MIN} to 256 characters long.`);
  }
  const existing = await conn.prisma.user.findUnique({ where: { username }, select: { id: true } });
  if (existing) return "exists";
  await conn.prisma.user.create({ data: { id: randomUUID(), username, role: "admin", passwordHash: await hashPassword(password) } });
  return "created";
}

/**
 * What a start puts into the database, once for all the processes starting together (under a
 * database lock): the demo console when asked (or by default on PGlite), and the first admin.
 */
export async function bootstrap(conn: Connection, env: BootstrapEnv = process.env as BootstrapEnv): Promise<BootstrapResult> {
  const result: BootstrapResult = { demoInstances: 0, demo: false, admin: null };
  if (env.DTS_SEED === "off") return result;
  const demo = wantsDemo(env, conn.kind);
  const admin =
    env.ADMIN_USERNAME || env.ADMIN_PASSWORD ? { username: env.ADMIN_USERNAME ?? "", password: env.ADMIN_PASSWORD ?? "" } : null;
  if (admin && (!admin.username || !admin.password)) throw new Error("Set both ADMIN_USERNAME and ADMIN_PASSWORD, or neither.");
  if (!demo && !admin) {
    if (conn.kind === "postgres" && !(await conn.prisma.user.findFirst({ select: { id: true } }))) {
      console.warn("The database has no users: set ADMIN_USERNAME and ADMIN_PASSWORD (or DEMO=1, or run `npm run db:seed`) and restart.");
    }
    return result;
  }
  return conn.withLock(BOOTSTRAP_LOCK_KEY, async () => {
    if (demo) {
      result.demo = true;
      result.demoInstances = (await seedIfEmpty(conn.prisma)).instances;
    }
    if (admin) result.admin = await ensureFirstAdmin(conn, admin.username, admin.password);
    return result;
  });
}
