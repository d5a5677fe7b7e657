import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Tx } from "../../lib/db";

// The runner's steps on their own in-memory database, seeded like a fresh console.
process.env.DTS_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;

const { getConnection } = await import("../../lib/db");
const { runAction } = await import("../../lib/actions/run-action");
const { fail } = await import("../../lib/actions/result");
const { z } = await import("../../lib/validation/zod");

const schema = z.object({ timeZone: z.string() });
let admin: { id: string; username: string; role: "admin" };

before(async () => {
  const conn = await getConnection();
  const user = await conn.prisma.user.findUniqueOrThrow({ where: { username: "admin" }, select: { id: true } });
  admin = { id: user.id, username: "admin", role: "admin" };
});
after(async () => {
  await (await getConnection()).close();
});

/** A spec that writes, then refuses or succeeds as asked: what the runner does around its change. */
const spec = (refuse: boolean) => ({
  name: "changeTimeZone" as const,
  permission: "preferences.change" as const,
  schema,
  async change(tx: Tx, input: { timeZone: string }) {
    await tx.user.update({ where: { id: admin.id }, data: { timeZone: input.timeZone }, select: { id: true } });
    return refuse ? fail("InvalidParameter", "errors.checkFields") : { ok: true as const, data: input };
  },
  audit: () => ({}),
});

const timeZone = async () =>
  (await (await getConnection()).prisma.user.findUniqueOrThrow({ where: { id: admin.id }, select: { timeZone: true } })).timeZone;
const records = async (result: "ok" | "refused") =>
  (await getConnection()).prisma.auditLog.count({ where: { action: "changeTimeZone", username: "admin", result } });

describe("the action runner", () => {
  it("rolls back what a change wrote before it refused, and records the refusal alone", async () => {
    const [ok, refused] = [await records("ok"), await records("refused")];
    const r = await runAction(spec(true), { timeZone: "Asia/Tokyo" }, admin);
    assert.equal(!r.ok && r.code, "InvalidParameter");
    assert.notEqual(await timeZone(), "Asia/Tokyo");
    assert.equal(await records("ok"), ok);
    assert.equal(await records("refused"), refused + 1);
  });

  it("writes the success record the spec declares in the change's transaction", async () => {
    const ok = await records("ok");
    const r = await runAction(spec(false), { timeZone: "Europe/Berlin" }, admin);
    assert.ok(r.ok);
    assert.equal(await timeZone(), "Europe/Berlin");
    assert.equal(await records("ok"), ok + 1);
  });
});
