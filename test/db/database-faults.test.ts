import assert from "node:assert/strict";
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { findPgBin, startPgServer, type PgServer } from "../pg-server";

// docs/rules.md "Consumer groups" and "Audit" under faults: the database going away and coming
// back, a process killed in the middle of a create, several processes starting together, and
// what a first start puts into the database (README "Configuration").
delete process.env.DATABASE_URL;
process.env.DTS_DATA_DIR = "memory://";

const { closeConnection, getConnection, getDb } = await import("../../lib/db");
const { connect, poolSizeFrom } = await import("../../lib/db/connect");
const { bootstrap, wantsDemo } = await import("../../lib/db/bootstrap");
const { readMigrations } = await import("../../lib/db/migrate");
const { DatabaseUnavailableError, isDatabaseUnavailable } = await import("../../lib/db/errors");
const { DATABASE_UNAVAILABLE_DIGEST } = await import("../../lib/db/unavailable");
const { runAction, DATABASE_UNAVAILABLE_MESSAGE } = await import("../../lib/actions/run-action");
const { localize } = await import("../../i18n/translate");
const { createConsumerGroupSpec } = await import("../../lib/actions/consumer-group-specs");
const { listRegions } = await import("../../lib/data/regions");
const { readiness } = await import("../../lib/db/readiness");
const { GET: readyProbe } = await import("../../app/api/health/ready/route");
const { unauthenticatedTreatment } = await import("../../lib/security/routes");
const { SEED_IDS } = await import("../../lib/demo");

const pgBin = findPgBin();
if (!pgBin && process.env.CI) throw new Error("CI needs Debian's postgresql-15 binaries (.ci/run installs them).");
const onPg = { skip: pgBin ? false : "no PostgreSQL server binaries here (apt-get install postgresql-15)" };
const operator = { id: "u-op", username: "operator", role: "operator" as const };
const create = (name: string, instanceId: string = SEED_IDS.empty) =>
  runAction(
    createConsumerGroupSpec,
    { instanceId, name, account: "faults", password: "Faults#123", confirmPassword: "Faults#123" },
    operator,
  );

/**
 * Runs test/helpers/create-and-hang.ts against a database and SIGKILLs it inside its second
 * create's transaction; resolves once it is dead.
 */
function killMidCreate(env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(import.meta.dirname, "..", "helpers", "create-and-hang.ts"), {
      execArgv: ["--import", "tsx", "--import", "./test/setup/register.mjs"],
      env: { ...process.env, ...env },
      stdio: "inherit",
    });
    let inside = false;
    child.on("message", () => {
      inside = true;
      child.kill("SIGKILL");
    });
    child.on("exit", (_code, signal) =>
      inside && signal === "SIGKILL" ? resolve() : reject(new Error(`the child ended before the kill (${signal ?? _code})`)),
    );
  });
}

async function groupsNamed(conn: Awaited<ReturnType<typeof connect>>, instanceId: string) {
  const { rows } = await conn.sql.query<{ name: string; counter: number; audited: number; rows: number }>(
    `SELECT coalesce(string_agg(g.name, ',' ORDER BY g.name), '') AS name,
            (SELECT consumer_group_count FROM instance WHERE id = $1) AS counter,
            (SELECT count(*)::int FROM consumer_group WHERE instance_id = $1) AS rows,
            (SELECT count(*)::int FROM audit_log WHERE action = 'createConsumerGroup' AND instance_id = $1 AND username = 'operator') AS audited
       FROM consumer_group g WHERE g.instance_id = $1 AND g.username = 'killed'`,
    [instanceId],
  );
  return rows[0];
}

describe("settings of a first start", () => {
  it("seeds the demo by default only on the embedded PGlite; DEMO=1 or 0 decides elsewhere", () => {
    assert.equal(wantsDemo({}, "pglite"), true);
    assert.equal(wantsDemo({}, "postgres"), false);
    assert.equal(wantsDemo({ DEMO: "1" }, "postgres"), true);
    assert.equal(wantsDemo({ DEMO: "0" }, "pglite"), false);
  });

  it("DATABASE_POOL_SIZE is a whole number from 1 to 1000", () => {
    assert.equal(poolSizeFrom(undefined), undefined);
    assert.equal(poolSizeFrom("25"), 25);
    for (const bad of ["0", "-1", "2.5", "ten", "1001"]) assert.throws(() => poolSizeFrom(bad), /DATABASE_POOL_SIZE/);
  });

  it("recognises a lost database by codes and driver kinds, not a refused statement", () => {
    assert.equal(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })), true);
    assert.equal(isDatabaseUnavailable({ code: "P2010", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } }), true);
    assert.equal(
      isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })),
      true,
    );
    assert.equal(isDatabaseUnavailable(new Error("x", { cause: new Error("Connection terminated unexpectedly") })), true);
    assert.equal(isDatabaseUnavailable(Object.assign(new Error("check"), { code: "23514" })), false);
    assert.equal(new DatabaseUnavailableError().digest, DATABASE_UNAVAILABLE_DIGEST);
  });
});

describe("PGlite: a process killed in the middle of a create, and data across restarts", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "dts-pglite-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("leaves no partial group, counter or audit record, and keeps what was committed", async () => {
    // First start: migrations and the demo seed, then the folder is free for the child.
    const first = await connect({ dataDir: dir });
    await bootstrap(first, {});
    await first.close();
    await killMidCreate({ DTS_DATA_DIR: dir, DATABASE_URL: "", TARGET_INSTANCE: SEED_IDS.empty, DTS_SEED: "off" });
    const reopened = await connect({ dataDir: dir });
    try {
      assert.deepEqual(await groupsNamed(reopened, SEED_IDS.empty), { name: "committed-before-kill", counter: 1, rows: 1, audited: 1 });
      // The demo seeded at the first start is still there.
      const { rows } = await reopened.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM instance`);
      assert.equal(rows[0].n, 63);
    } finally {
      await reopened.close();
    }
  });
});

describe("PostgreSQL server: faults and several processes", onPg, () => {
  let server: PgServer;
  before(async () => {
    server = await startPgServer(pgBin!);
  });
  after(async () => {
    await closeConnection();
    server.stop();
  });

  it("processes starting together on an empty database apply each migration once, and seed the demo once", async () => {
    const env = { DEMO: "1" };
    const conns = await Promise.all(Array.from({ length: 4 }, () => connect({ databaseUrl: server.url, poolSize: 2 })));
    try {
      await Promise.all(conns.map((c) => bootstrap(c, env)));
      const { rows } = await conns[0].sql.query<{ migration_name: string; n: number }>(
        `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1 ORDER BY 1`,
      );
      assert.deepEqual(
        rows,
        (await readMigrations()).map((m) => ({ migration_name: m.name, n: 1 })),
      );
      const { rows: seeded } = await conns[0].sql.query<{ instances: number; users: number }>(
        `SELECT (SELECT count(*)::int FROM instance) AS instances, (SELECT count(*)::int FROM app_user) AS users`,
      );
      assert.deepEqual(seeded[0], { instances: 63, users: 3 });
    } finally {
      await Promise.all(conns.map((c) => c.close()));
    }
  });

  it("without DEMO creates only the first admin from ADMIN_USERNAME / ADMIN_PASSWORD, once, and leaves it alone after", async () => {
    const empty = await startPgServer(pgBin!);
    try {
      const conn = await connect({ databaseUrl: empty.url });
      try {
        assert.deepEqual(await bootstrap(conn, {}), { demoInstances: 0, demo: false, admin: null });
        const env = { ADMIN_USERNAME: "root.admin", ADMIN_PASSWORD: "Bootstrap#2026!" };
        assert.equal((await bootstrap(conn, env)).admin, "created");
        const before = await conn.sql.query<{ password_hash: string }>(`SELECT password_hash FROM app_user`);
        assert.equal((await bootstrap(conn, { ...env, ADMIN_PASSWORD: "Another#Password1" })).admin, "exists");
        const { rows } = await conn.sql.query<{ username: string; role: string; password_hash: string }>(
          `SELECT username, role::text AS role, password_hash FROM app_user`,
        );
        assert.deepEqual(
          rows.map((r) => [r.username, r.role]),
          [["root.admin", "admin"]],
        );
        assert.equal(rows[0].password_hash, before.rows[0].password_hash);
        const { rows: instances } = await conn.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM instance`);
        assert.equal(instances[0].n, 0, "no demo data without DEMO=1");
        await assert.rejects(bootstrap(conn, { ADMIN_USERNAME: "root admin", ADMIN_PASSWORD: "Bootstrap#2026!" }), /ADMIN_USERNAME/);
        await assert.rejects(bootstrap(conn, { ADMIN_USERNAME: "x", ADMIN_PASSWORD: "short" }), /ADMIN_PASSWORD/);
        await assert.rejects(bootstrap(conn, { ADMIN_USERNAME: "x" }), /both/);
      } finally {
        await conn.close();
      }
    } finally {
      empty.stop();
    }
  });

  it("with the database down, reads throw the unreachable error and actions say so; when it is back the same connection works", async () => {
    process.env.DATABASE_URL = server.url;
    const conn = await getConnection();
    assert.ok((await create("before-the-outage")).ok);
    server.pause();
    try {
      await assert.rejects(
        listRegions(operator),
        (error: unknown) => error instanceof DatabaseUnavailableError && error.digest === DATABASE_UNAVAILABLE_DIGEST,
      );
      const refused = await create("during-the-outage");
      // The message key, worded in English (the caller's default language).
      assert.deepEqual(refused, { ok: false, code: "InternalError", message: localize("en", DATABASE_UNAVAILABLE_MESSAGE) });
      assert.match(refused.ok ? "" : refused.message, /^The database is unreachable right now\./);
    } finally {
      server.resume();
    }
    assert.equal((await listRegions(operator)).length, 25);
    assert.ok((await create("after-the-outage")).ok);
    assert.equal(await getConnection(), conn, "no reopen was needed");
    const names = (
      await (
        await getDb()
      ).consumerGroup.findMany({ where: { instanceId: SEED_IDS.empty }, select: { name: true }, orderBy: { name: "asc" } })
    ).map((g) => g.name);
    assert.deepEqual(names, ["after-the-outage", "before-the-outage"]);
  });

  it("the readiness probe: ready, then 503 'database' while it is down, 503 'migrations' while one is not applied", async () => {
    process.env.DATABASE_URL = server.url;
    assert.deepEqual(await readiness(), { ready: true });
    const ok = await readyProbe();
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { status: "ready" });
    server.pause();
    try {
      const down = await readyProbe();
      assert.equal(down.status, 503);
      assert.deepEqual(await down.json(), { status: "unavailable", reason: "database" });
    } finally {
      server.resume();
    }
    const last = (await readMigrations()).at(-1)!.name;
    const db = await getDb();
    await db.$executeRaw`UPDATE "_prisma_migrations" SET "finished_at" = NULL WHERE "migration_name" = ${last}`;
    try {
      assert.deepEqual(await readiness(), { ready: false, reason: "migrations" });
    } finally {
      await db.$executeRaw`UPDATE "_prisma_migrations" SET "finished_at" = now() WHERE "migration_name" = ${last}`;
    }
    assert.deepEqual(await readiness(), { ready: true });
    // Public to GET and HEAD only, and only these two paths.
    assert.equal(unauthenticatedTreatment("GET", "/api/health/ready"), "allow");
    assert.equal(unauthenticatedTreatment("HEAD", "/api/health/live"), "allow");
    assert.equal(unauthenticatedTreatment("POST", "/api/health/ready"), "unauthorized");
    assert.equal(unauthenticatedTreatment("GET", "/api/health/ready/x"), "unauthorized");
    assert.equal(unauthenticatedTreatment("GET", "/api/health"), "unauthorized");
  });

  it("a first open while the database is down fails clearly and is retried on the next request", async () => {
    await closeConnection();
    server.pause();
    try {
      await assert.rejects(getConnection(), DatabaseUnavailableError);
    } finally {
      server.resume();
    }
    assert.equal((await listRegions(operator)).length, 25);
  });

  it("a process killed in the middle of a create leaves no partial group, counter or audit record", async () => {
    const conn = await connect({ databaseUrl: server.url });
    try {
      const target = SEED_IDS.normal;
      const { rows } = await conn.sql.query<{ n: number }>(`SELECT consumer_group_count AS n FROM instance WHERE id = $1`, [target]);
      await killMidCreate({ DATABASE_URL: server.url, TARGET_INSTANCE: target, DTS_SEED: "off" });
      const after = await groupsNamed(conn, target);
      assert.equal(after.name, "committed-before-kill");
      assert.equal(after.counter, rows[0].n + 1);
      assert.equal(after.rows, after.counter);
      // Until the server notices the dead client its transaction may still hold the row; it never commits.
      const { rows: audit } = await conn.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log a WHERE a.instance_id = $1 AND a.username = 'operator' AND NOT EXISTS (SELECT 1 FROM consumer_group g WHERE g.id = a.group_id)`,
        [target],
      );
      assert.equal(audit[0].n, 0);
    } finally {
      await conn.close();
    }
  });
});
