import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { findPgBin, startPgServer, type PgServer } from "../pg-server";

// The console's own code path with DATABASE_URL set: migrations, seed, actions and reads on a
// real PostgreSQL server through @prisma/adapter-pg.
const pgBin = findPgBin();
if (!pgBin && process.env.CI) throw new Error("CI needs Debian's postgresql-15 binaries (.ci/run installs them).");

describe("the console on a PostgreSQL server (DATABASE_URL)", { skip: pgBin ? false : "no PostgreSQL server binaries here" }, () => {
  let server: PgServer;
  let mod: {
    db: typeof import("../../lib/db");
    run: typeof import("../../lib/actions/run-action");
    specs: typeof import("../../lib/actions/consumer-group-specs");
    groups: typeof import("../../lib/data/consumer-groups");
    demo: typeof import("../../lib/demo");
  };
  before(async () => {
    server = await startPgServer(pgBin!);
    process.env.DATABASE_URL = server.url;
    // On PostgreSQL the demo is seeded only when asked (README "Configuration").
    process.env.DEMO = "1";
    mod = {
      db: await import("../../lib/db"),
      run: await import("../../lib/actions/run-action"),
      specs: await import("../../lib/actions/consumer-group-specs"),
      groups: await import("../../lib/data/consumer-groups"),
      demo: await import("../../lib/demo"),
    };
  });
  after(async () => {
    await (await mod.db.getConnection()).close();
    server.stop();
  });

  it("migrates and seeds on first use", async () => {
    const conn = await mod.db.getConnection();
    assert.equal(conn.kind, "postgres");
    assert.equal(await conn.prisma.instance.count({ where: { regionId: "cn-hangzhou" } }), 28);
    const list = await mod.groups.listConsumerGroups({ id: "u-viewer", username: "viewer", role: "viewer" }, mod.demo.SEED_IDS.full);
    assert.equal(list?.groups.length, 20);
  });

  it("creates through the action and refuses the 21st, concurrently", async () => {
    const operator = { id: "u-op", username: "operator", role: "operator" as const };
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        mod.run.runAction(
          mod.specs.createConsumerGroupSpec,
          {
            instanceId: mod.demo.SEED_IDS.nineteen,
            name: `pg-race-${i}`,
            account: "pg_reader",
            password: "Race#1234",
            confirmPassword: "Race#1234",
          },
          operator,
        ),
      ),
    );
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.ok(results.every((r) => r.ok || r.code === "QuotaExceeded.ConsumerGroup"));
    const audit = await (
      await mod.db.getDb()
    ).auditLog.count({ where: { action: "createConsumerGroup", instanceId: mod.demo.SEED_IDS.nineteen } });
    assert.equal(audit, 8);
  });
});
