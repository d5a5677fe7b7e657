import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { connect, type Connection } from "../../lib/db/connect";
import { readMigrations } from "../../lib/db/migrate";
import { hashPassword } from "../../lib/auth/password";
import { REGION_IDS } from "../../lib/regions";
import { findPgBin, startPgServer, type PgServer } from "../pg-server";

// Every rule is checked by raw SQL that bypasses the app, on both databases the console runs on.
const backends: { name: string; open: () => Promise<{ conn: Connection; stop?: () => void }> }[] = [
  { name: "PGlite (embedded)", open: async () => ({ conn: await connect({ dataDir: "memory://" }) }) },
];
const pgBin = findPgBin();
if (pgBin) {
  backends.push({
    name: "PostgreSQL server",
    open: async () => {
      const server: PgServer = await startPgServer(pgBin);
      return { conn: await connect({ databaseUrl: server.url }), stop: () => server.stop() };
    },
  });
} else if (process.env.CI) {
  throw new Error("CI must run the database rules on a PostgreSQL server too: install postgresql-15 (.ci/run does).");
} else {
  describe("database rules on PostgreSQL server", { skip: "no PostgreSQL server binaries here (apt-get install postgresql-15)" }, () => {
    it("every rule below, on a real server");
  });
}

let hash = "";
let seq = 0;
const id = () => `dtstest${String(++seq).padStart(7, "0")}`;

async function addInstance(c: Connection, status = "Normal") {
  const instanceId = id();
  await c.sql.query(
    `INSERT INTO instance (id, name, region_id, status, source_type, source_instance_id, tracked_objects,
       track_dml, track_ddl, billing_method, topic, vpc_endpoint, private_endpoint, public_endpoint)
     VALUES ($1, $2, 'cn-hangzhou', $3, 'RDS MySQL', 'rm-bp1test', '[]', true, false, 'Subscription', 't', 'v:1', 'p:1', 'x:1')`,
    [instanceId, `test-${instanceId}`, status],
  );
  return instanceId;
}

function insertGroup(c: Connection, instanceId: string, over: Partial<Record<"id" | "name" | "username" | "hash", string>> = {}) {
  const groupId = over.id ?? id();
  return c.sql.query(`INSERT INTO consumer_group (id, instance_id, name, username, password_hash) VALUES ($1, $2, $3, $4, $5)`, [
    groupId,
    instanceId,
    over.name ?? `group-${groupId}`,
    over.username ?? "reader",
    over.hash ?? hash,
  ]);
}

async function groupCount(c: Connection, instanceId: string) {
  const { rows } = await c.sql.query<{ n: number; counter: number }>(
    `SELECT (SELECT count(*)::int FROM consumer_group WHERE instance_id = $1) AS n,
            (SELECT consumer_group_count FROM instance WHERE id = $1) AS counter`,
    [instanceId],
  );
  return rows[0];
}

before(async () => {
  hash = await hashPassword("Secret123");
});

for (const backend of backends) {
  describe(`database rules on ${backend.name}`, () => {
    let c: Connection;
    let stop: (() => void) | undefined;
    before(async () => {
      ({ conn: c, stop } = await backend.open());
    });
    after(async () => {
      await c.close();
      stop?.();
    });

    it("records the migrations the way Prisma Migrate does", async () => {
      const { rows } = await c.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        `SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name`,
      );
      const files = await readMigrations();
      assert.deepEqual(
        rows.map((r) => [r.migration_name, r.checksum]),
        files.map((m) => [m.name, m.checksum]),
      );
      assert.ok(rows.every((r) => r.finished_at));
    });

    it("holds the 25 regions of docs/rules.md, the same ids the proxy knows", async () => {
      const { rows } = await c.sql.query<{ id: string }>(`SELECT id FROM region ORDER BY sort_order`);
      assert.deepEqual(
        rows.map((r) => r.id),
        [...REGION_IDS],
      );
    });

    it("accepts a valid group and counts it", async () => {
      const inst = await addInstance(c);
      await insertGroup(c, inst);
      assert.deepEqual(await groupCount(c, inst), { n: 1, counter: 1 });
    });

    it("refuses the 21st group of an instance", async () => {
      const inst = await addInstance(c);
      for (let i = 0; i < 20; i++) await insertGroup(c, inst);
      await assert.rejects(insertGroup(c, inst), /instance_consumer_group_count_check/);
      assert.deepEqual(await groupCount(c, inst), { n: 20, counter: 20 });
    });

    it("frees quota when a group is deleted", async () => {
      const inst = await addInstance(c);
      for (let i = 0; i < 20; i++) await insertGroup(c, inst, { name: `g${i}` });
      await c.sql.query(`DELETE FROM consumer_group WHERE instance_id = $1 AND name = 'g0'`, [inst]);
      await insertGroup(c, inst);
      assert.deepEqual(await groupCount(c, inst), { n: 20, counter: 20 });
    });

    it("does not let a statement reset the quota counter", async () => {
      const inst = await addInstance(c);
      await insertGroup(c, inst);
      await assert.rejects(c.sql.query(`UPDATE instance SET consumer_group_count = 0 WHERE id = $1`, [inst]), /maintained by the database/);
      const forged = await c.sql.query<{ consumer_group_count: number }>(
        `INSERT INTO instance (id, name, region_id, status, source_type, source_instance_id, tracked_objects, track_dml,
           track_ddl, billing_method, topic, vpc_endpoint, private_endpoint, public_endpoint, consumer_group_count)
         VALUES ('dtsforgedcount1', 'x', 'cn-hangzhou', 'Normal', 'RDS MySQL', 'rm-x', '[]', true, true, 'Subscription', 't', 'v', 'p', 'x', 15)
         RETURNING consumer_group_count`,
      );
      assert.equal(forged.rows[0].consumer_group_count, 0);
    });

    it("refuses a group on an instance that is not Normal", async () => {
      for (const status of ["NotStarted", "Prechecking", "PrecheckFailed", "Starting", "Abnormal", "Locked"]) {
        const inst = await addInstance(c, status);
        await assert.rejects(insertGroup(c, inst), /consumer_group_instance_status_check/, status);
        assert.deepEqual(await groupCount(c, inst), { n: 0, counter: 0 });
      }
    });

    it("refuses a group on an unknown instance", async () => {
      await assert.rejects(insertGroup(c, "dtsnosuchinstance"), /consumer_group_instance_id_fkey/);
    });

    it("refuses a bad account", async () => {
      const inst = await addInstance(c);
      for (const username of ["", "a".repeat(17), "bad-name", "with space", "名字"]) {
        await assert.rejects(insertGroup(c, inst, { username }), /consumer_group_username_check/, username);
      }
      await insertGroup(c, inst, { username: "A".repeat(16) });
    });

    it("refuses a name that is empty, blank, too long or taken in the instance", async () => {
      const inst = await addInstance(c);
      for (const name of ["", "   ", "n".repeat(129)]) {
        await assert.rejects(insertGroup(c, inst, { name }), /consumer_group_name_check/, JSON.stringify(name));
      }
      await insertGroup(c, inst, { name: "n".repeat(128) });
      await insertGroup(c, inst, { name: "orders" });
      await assert.rejects(insertGroup(c, inst, { name: "orders" }), /consumer_group_instance_id_name_key/);
      // The same name is fine in another instance.
      await insertGroup(c, await addInstance(c), { name: "orders" });
    });

    it("refuses anything but an argon2id hash in the password column", async () => {
      const inst = await addInstance(c);
      for (const bad of ["Secret123", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g", "$2b$10$abcdefghijklmnopqrstuv"]) {
        await assert.rejects(insertGroup(c, inst, { hash: bad }), /consumer_group_password_hash_check/, bad);
      }
    });

    it("refuses a group id or instance id outside the DTS format", async () => {
      const inst = await addInstance(c);
      await assert.rejects(insertGroup(c, inst, { id: "cg-1" }), /consumer_group_id_check/);
      await assert.rejects(
        c.sql.query(
          `INSERT INTO instance (id, name, region_id, status, source_type, source_instance_id, tracked_objects, track_dml,
             track_ddl, billing_method, topic, vpc_endpoint, private_endpoint, public_endpoint)
           VALUES ('DTS-UPPER', 'x', 'cn-hangzhou', 'Normal', 'RDS MySQL', 'rm-x', '[]', true, true, 'Subscription', 't', 'v', 'p', 'x')`,
        ),
        /instance_id_check/,
      );
    });

    it("does not move a group to another instance", async () => {
      const a = await addInstance(c);
      const b = await addInstance(c);
      await insertGroup(c, a, { id: "dtsmovingroup01" });
      await assert.rejects(c.sql.query(`UPDATE consumer_group SET instance_id = $1 WHERE id = 'dtsmovingroup01'`, [b]), /cannot move/);
    });

    // PGlite runs one statement at a time, so there it checks the rule, not concurrency; on the
    // server the creates run at once over the pool's connections, ten rounds, which is what
    // caught a racy `count(*) >= 20` trigger (it let through more than 20 in most rounds).
    const rounds = backend.name === "PostgreSQL server" ? 10 : 1;
    it(
      backend.name === "PostgreSQL server"
        ? `keeps exactly 20 of 50 concurrent creates, ${rounds} rounds`
        : "keeps exactly 20 of 50 creates (one at a time here)",
      async () => {
        for (let round = 0; round < rounds; round++) await fiftyCreates();
      },
    );

    async function fiftyCreates() {
      const inst = await addInstance(c);
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          c.prisma.consumerGroup.create({
            data: { id: id(), instanceId: inst, name: `race-${i}`, account: `racer${i}`, passwordHash: hash },
          }),
        ),
      );
      const ok = results.filter((r) => r.status === "fulfilled").length;
      const refusals = results.filter((r) => r.status === "rejected").map((r) => String(r.reason));
      assert.equal(ok, 20);
      assert.equal(refusals.length, 30);
      // Every refusal is the quota, not some other failure.
      assert.ok(
        refusals.every((m) => /instance_consumer_group_count_check/.test(m)),
        refusals[0],
      );
      assert.deepEqual(await groupCount(c, inst), { n: 20, counter: 20 });
    }

    it("never returns a password hash unless asked for by name", async () => {
      const inst = await addInstance(c);
      await insertGroup(c, inst);
      const g = await c.prisma.consumerGroup.findFirst({ where: { instanceId: inst } });
      assert.ok(g);
      assert.equal("passwordHash" in g, false);
    });
  });
}
