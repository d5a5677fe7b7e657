import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

// Lag health in the database (docs/rules.md "Lag health"): the trigger that keeps when a checkpoint
// last moved, Stalled in the Data Consume list, and the trend beside the sparklines, from real
// heartbeats. In-memory PGlite with the real migrations and the demo seed.
process.env.DTS_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;

const { getConnection } = await import("../../lib/db");
const { runAction } = await import("../../lib/actions/run-action");
const { createConsumerGroupSpec } = await import("../../lib/actions/consumer-group-specs");
const { connectConsumer, heartbeatConsumer } = await import("../../lib/consumer/lease");
const { listConsumerGroups } = await import("../../lib/data/consumer-groups");
const { listSparklines } = await import("../../lib/data/heartbeat-history");
const { SEED_IDS } = await import("../../lib/demo");
const { STALLED_AFTER_SECONDS } = await import("../../lib/validation/rules");

const admin = { id: "u-admin", username: "admin", role: "admin" as const };
let conn: Awaited<ReturnType<typeof getConnection>>;
let seq = 0;

async function newGroup() {
  const password = "Start#123";
  const r = await runAction(
    createConsumerGroupSpec,
    { instanceId: SEED_IDS.empty, name: `lag-${++seq}`, account: `lag${seq}`, password, confirmPassword: password },
    admin,
  );
  assert.ok(r.ok, JSON.stringify(r));
  return { id: r.data.id, user: `lag${seq}-${r.data.id}`, password };
}

const rowOf = async (groupId: string) => (await listConsumerGroups(admin, SEED_IDS.empty))?.groups.find((g) => g.id === groupId);

before(async () => {
  conn = await getConnection();
});
after(async () => {
  await conn.close();
});

/** Connects a consumer now and says it connected long enough ago to be stalled (the lease's own column). */
async function connectedLongAgo(g: { id: string; user: string; password: string }) {
  const c = await connectConsumer(conn.prisma, { user: g.user, password: g.password }, { clientIp: null });
  assert.ok(c.ok);
  const longAgo = new Date(Date.now() - (STALLED_AFTER_SECONDS + 60) * 1000);
  await conn.prisma.consumerLease.update({ where: { groupId: g.id }, data: { connectedAt: longAgo } });
  return c.data.leaseToken;
}

const beat = async (groupId: string, leaseToken: string, checkpoint: Date, unconsumed: number) => {
  const hb = await heartbeatConsumer(conn.prisma, { groupId, leaseToken, checkpoint, unconsumed }, { clientIp: null });
  assert.ok(hb.ok, JSON.stringify(hb));
};

describe("Stalled", () => {
  it("is a connected group with a backlog whose checkpoint has stood still; a moving checkpoint ends it", async () => {
    const g = await newGroup();
    const leaseToken = await connectedLongAgo(g);
    // The consumer keeps reporting the same checkpoint, with a backlog.
    const stuck = new Date(Date.now() - 3_600_000);
    await beat(g.id, leaseToken, stuck, 500);
    // As if that checkpoint had been committed before the consumer connected: only the trigger
    // writes the column, so it is set aside for this one statement.
    await conn.prisma.$transaction([
      conn.prisma.$executeRaw`ALTER TABLE "consumer_group" DISABLE TRIGGER "consumer_group_checkpoint_moved"`,
      conn.prisma.$executeRaw`UPDATE "consumer_group" SET "checkpoint_moved_at" = NULL WHERE "id" = ${g.id}`,
      conn.prisma.$executeRaw`ALTER TABLE "consumer_group" ENABLE TRIGGER "consumer_group_checkpoint_moved"`,
    ]);
    await beat(g.id, leaseToken, stuck, 520);
    let row = await rowOf(g.id);
    assert.deepEqual([row?.connected, row?.stalled, row?.unconsumedRecords], [true, true, 520]);

    // The checkpoint moves: the trigger notes when, and the group is no longer stalled.
    await beat(g.id, leaseToken, new Date(stuck.getTime() + 1000), 510);
    const moved = await conn.prisma.consumerGroup.findUniqueOrThrow({ where: { id: g.id }, select: { checkpointMovedAt: true } });
    assert.ok(
      moved.checkpointMovedAt && Math.abs(moved.checkpointMovedAt.getTime() - Date.now()) < 60_000,
      String(moved.checkpointMovedAt),
    );
    row = await rowOf(g.id);
    assert.deepEqual([row?.connected, row?.stalled], [true, false]);
  });

  it("is not a consumer without a backlog, nor one that just connected", async () => {
    const idle = await newGroup();
    const token = await connectedLongAgo(idle);
    await beat(idle.id, token, new Date(Date.now() - 3_600_000), 0);
    assert.deepEqual([(await rowOf(idle.id))?.connected, (await rowOf(idle.id))?.stalled], [true, false]);

    const fresh = await newGroup();
    const f = await connectConsumer(conn.prisma, { user: fresh.user, password: fresh.password }, { clientIp: null });
    assert.ok(f.ok);
    await beat(fresh.id, f.data.leaseToken, new Date(Date.now() - 3_600_000), 900);
    assert.deepEqual([(await rowOf(fresh.id))?.connected, (await rowOf(fresh.id))?.stalled], [true, false]);
  });

  it("only the trigger moves checkpoint_moved_at", async () => {
    const g = await newGroup();
    await conn.prisma.$executeRaw`UPDATE "consumer_group" SET "checkpoint_moved_at" = '2000-01-01' WHERE "id" = ${g.id}`;
    const row = await conn.prisma.consumerGroup.findUniqueOrThrow({ where: { id: g.id }, select: { checkpointMovedAt: true } });
    assert.equal(row.checkpointMovedAt, null);
  });
});

describe("the trend beside the sparklines", () => {
  it("reads a draining backlog from the last minutes' heartbeats, with the time to catch up", async () => {
    const g = await newGroup();
    const end = Math.floor(Date.now() / 10_000) * 10_000;
    const start = new Date(end - 200_000);
    const c = await connectConsumer(conn.prisma, { user: g.user, password: g.password }, { clientIp: null, now: start });
    assert.ok(c.ok);
    // 21 heartbeats 10 s apart: the backlog goes 6,000 → 4,000 (10 a second), the checkpoint on.
    for (let i = 0; i <= 20; i++) {
      const now = new Date(start.getTime() + i * 10_000 + 1);
      const hb = await heartbeatConsumer(
        conn.prisma,
        { groupId: g.id, leaseToken: c.data.leaseToken, checkpoint: new Date(now.getTime() - 5_000), unconsumed: 6_000 - i * 100 },
        { clientIp: null, now },
      );
      assert.ok(hb.ok, JSON.stringify(hb));
    }
    const lines = await listSparklines(admin, SEED_IDS.empty, new Date(end + 5_000));
    const line = lines?.groups[g.id];
    assert.equal(line?.trend, "draining");
    assert.equal(line?.etaSeconds, 400);
  });
});

describe("the Lagging Consumer Groups read", () => {
  it("lists the region's connected groups over the threshold or stalled, stalled first, then by delay; paged", async () => {
    const { listLaggingGroups } = await import("../../lib/data/lagging-groups");
    const made: Record<string, string> = {};
    for (const [name, delay, stalled] of [
      ["slow", 400, false],
      ["slower", 900, false],
      ["fine", 30, false],
      ["stuck", 10, true],
    ] as const) {
      const g = await newGroup();
      made[name] = g.id;
      if (stalled) await connectedLongAgo(g);
      else assert.ok((await connectConsumer(conn.prisma, { user: g.user, password: g.password }, { clientIp: null })).ok);
      await conn.prisma.consumerGroup.update({ where: { id: g.id }, data: { messageDelaySeconds: delay, unconsumedRecords: 100 } });
    }
    // An idle group with an old delay left over is not lagging: no consumer.
    const idle = await newGroup();
    await conn.prisma.consumerGroup.update({ where: { id: idle.id }, data: { messageDelaySeconds: 99_999, unconsumedRecords: 1 } });

    const all = await listLaggingGroups(admin, "cn-hangzhou", { overSeconds: 60, page: 1, pageSize: 100 });
    const ids = all.rows.map((r) => r.groupId);
    const mine = ids.filter((id) => Object.values(made).includes(id));
    assert.deepEqual(mine, [made.stuck, made.slower, made.slow]);
    assert.ok(!ids.includes(made.fine) && !ids.includes(idle.id));
    assert.equal(all.total, all.rows.length);
    // Every stalled row comes before every other; the others by delay, worst first.
    const firstUnstalled = all.rows.findIndex((r) => !r.stalled);
    assert.ok(all.rows.slice(firstUnstalled === -1 ? all.rows.length : firstUnstalled).every((r) => !r.stalled));
    const delays = all.rows.filter((r) => !r.stalled).map((r) => r.delaySeconds ?? 0);
    assert.deepEqual(
      delays,
      [...delays].sort((a, b) => b - a),
    );

    // A higher threshold keeps the stalled and the worst.
    const high = await listLaggingGroups(admin, "cn-hangzhou", { overSeconds: 600, page: 1, pageSize: 100 });
    assert.ok(high.rows.some((r) => r.groupId === made.slower) && !high.rows.some((r) => r.groupId === made.slow));
    // Pages of one: the second holds the second row; past the end, none, with the total.
    const second = await listLaggingGroups(admin, "cn-hangzhou", { overSeconds: 60, page: 2, pageSize: 1 });
    assert.deepEqual([second.rows.map((r) => r.groupId), second.total, second.pageCount], [[ids[1]], all.total, all.total]);
    const past = await listLaggingGroups(admin, "cn-hangzhou", { overSeconds: 60, page: all.total + 1, pageSize: 1 });
    assert.deepEqual([past.rows.length, past.total], [0, all.total]);
    // Another region sees none of them.
    const elsewhere = await listLaggingGroups(admin, "cn-beijing", { overSeconds: 0, page: 1, pageSize: 100 });
    assert.ok(!elsewhere.rows.some((r) => Object.values(made).includes(r.groupId)));
  });
});
