import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

// Resetting a consumer group's checkpoint (docs/rules.md "Consumption checkpoint"), on an in-memory
// database seeded like a fresh console.
process.env.DTS_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;

const { getConnection } = await import("../../lib/db");
const { runAction } = await import("../../lib/actions/run-action");
const specs = await import("../../lib/actions/consumer-group-specs");
const { SEED_IDS } = await import("../../lib/demo");
const { connectConsumer } = await import("../../lib/consumer/lease");

type Conn = Awaited<ReturnType<typeof getConnection>>;
let conn: Conn;
let seq = 0;
const users = {
  admin: { id: "u-admin", username: "admin", role: "admin" as const },
  operator: { id: "u-operator", username: "operator", role: "operator" as const },
  viewer: { id: "u-viewer", username: "viewer", role: "viewer" as const },
};

async function newGroup() {
  const account = `ckpt${++seq}`;
  const r = await runAction(
    specs.createConsumerGroupSpec,
    { instanceId: SEED_IDS.empty, name: `checkpoint-${seq}`, account, password: "Ckpt#12345", confirmPassword: "Ckpt#12345" },
    users.admin,
  );
  assert.ok(r.ok, JSON.stringify(r));
  return { id: r.data.id, user: `${account}-${r.data.id}` };
}
const range = async () => {
  const i = await conn.prisma.instance.findUniqueOrThrow({ where: { id: SEED_IDS.empty }, select: { dataBeginAt: true, dataEndAt: true } });
  return { begin: i.dataBeginAt!, end: i.dataEndAt! };
};
const reset = (
  groupId: string,
  target: "earliest" | "latest" | "time",
  time?: string,
  user: (typeof users)[keyof typeof users] = users.operator,
) => runAction(specs.resetConsumerGroupCheckpointSpec, { groupId, target, time }, user, "192.0.2.60");

before(async () => {
  conn = await getConnection();
});
after(async () => {
  await conn.close();
});

describe("checkpoint reset", () => {
  it("moves to a time within the range; the next consumer is told to start there, once", async () => {
    const g = await newGroup();
    const { begin, end } = await range();
    const mid = new Date((begin.getTime() + end.getTime()) / 2);
    mid.setMilliseconds(0);
    const r = await reset(g.id, "time", mid.toISOString());
    assert.ok(r.ok, JSON.stringify(r));
    const row = await conn.prisma.consumerGroup.findUniqueOrThrow({ where: { id: g.id } });
    assert.equal(row.checkpointAt?.toISOString(), mid.toISOString());
    const c = await connectConsumer(conn.prisma, { user: g.user, password: "Ckpt#12345" }, { clientIp: "192.0.2.61" });
    assert.ok(c.ok);
    assert.equal(c.data.checkpoint, mid.toISOString());
    assert.equal((await conn.prisma.consumerGroup.findUniqueOrThrow({ where: { id: g.id } })).startCheckpointAt, null, "handed over once");
    const audit = await conn.prisma.auditLog.findFirst({
      where: { action: "resetConsumerGroupCheckpoint", groupId: g.id },
      orderBy: { id: "desc" },
    });
    assert.equal(audit?.result, "ok");
    assert.equal(audit?.username, "operator");
  });

  it("moves to the earliest and the latest point of the range", async () => {
    const g = await newGroup();
    const { begin, end } = await range();
    const early = await reset(g.id, "earliest");
    assert.ok(early.ok && early.data.checkpointAt === begin.toISOString());
    const late = await reset(g.id, "latest", undefined, users.admin);
    assert.ok(late.ok && late.data.checkpointAt === end.toISOString());
  });

  it("refuses a time outside the range, on the server and in the database", async () => {
    const g = await newGroup();
    const { begin, end } = await range();
    const before = await reset(g.id, "time", new Date(begin.getTime() - 1000).toISOString());
    assert.equal(!before.ok && before.code, "InvalidParameter");
    assert.ok(!before.ok && before.fieldErrors?.time);
    const afterEnd = await reset(g.id, "time", new Date(end.getTime() + 1000).toISOString());
    assert.equal(afterEnd.ok, false);
    await assert.rejects(
      conn.sql.query(`UPDATE consumer_group SET start_checkpoint_at = $1 WHERE id = $2`, [new Date(end.getTime() + 60_000), g.id]),
      /consumer_group_checkpoint_range_check/,
    );
  });

  it("refuses while a consumer is connected", async () => {
    const g = await newGroup();
    const c = await connectConsumer(conn.prisma, { user: g.user, password: "Ckpt#12345" }, { clientIp: "192.0.2.62" });
    assert.ok(c.ok);
    const r = await reset(g.id, "earliest");
    assert.equal(!r.ok && r.code, "OperationDenied.ConsumerConnected");
  });

  it("refuses a viewer", async () => {
    const g = await newGroup();
    const r = await reset(g.id, "earliest", undefined, users.viewer);
    assert.equal(!r.ok && r.code, "Forbidden.Role");
    assert.equal((await conn.prisma.consumerGroup.findUniqueOrThrow({ where: { id: g.id } })).startCheckpointAt, null);
  });
});
