import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { userOf, type Role } from "../helpers/users";

// The live console's server side (docs/rules.md "Consumer history", "Preferences", "Audit"):
// heartbeat history and its rules, the sparkline and chart reads, the time zone action, the CSV
// export's action and its cells. In-memory PGlite with the real migrations and the demo seed.
process.env.DTS_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;

const { getConnection } = await import("../../lib/db");
const { runAction } = await import("../../lib/actions/run-action");
const specs = await import("../../lib/actions/consumer-group-specs");
const { changeTimeZoneSpec } = await import("../../lib/actions/preferences-specs");
const { exportAuditLogSpec } = await import("../../lib/actions/audit-export-spec");
const { SEED_IDS } = await import("../../lib/demo");
const { connectConsumer, heartbeatConsumer } = await import("../../lib/consumer/lease");
const { recordHeartbeatSample, historySlot, HISTORY_RETENTION_MS } = await import("../../lib/consumer/history");
const { getGroupHistory, listSparklines } = await import("../../lib/data/heartbeat-history");
const { auditLogCsv, csvField } = await import("../../lib/data/audit");
const { formatDateTime, zoneLabel } = await import("../../lib/format");
const { timeZoneSchema } = await import("../../lib/validation/preferences");

let conn: Awaited<ReturnType<typeof getConnection>>;
let seq = 0;

async function newGroup(password = "Start#123") {
  const r = await runAction(
    specs.createConsumerGroupSpec,
    { instanceId: SEED_IDS.empty, name: `live-${++seq}`, account: `live${seq}`, password, confirmPassword: password },
    userOf("admin"),
  );
  assert.ok(r.ok, JSON.stringify(r));
  return { id: r.data.id, user: `live${seq}-${r.data.id}`, password };
}

before(async () => {
  conn = await getConnection();
});
after(async () => {
  await conn.close();
});

const progress = { checkpointAt: null, messageDelaySeconds: 3, unconsumedRecords: 10 };

describe("heartbeat history", () => {
  it("heartbeats keep at most one sample per group per 10-second slot", async () => {
    const g = await newGroup();
    const t0 = new Date(Math.floor(Date.now() / 10_000) * 10_000);
    const connected = await connectConsumer(conn.prisma, { user: g.user, password: g.password }, { clientIp: "203.0.113.5", now: t0 });
    assert.ok(connected.ok);
    const leaseToken = connected.data.leaseToken;
    for (const ms of [1_000, 4_000, 9_000, 11_000]) {
      const now = new Date(t0.getTime() + ms);
      const hb = await heartbeatConsumer(
        conn.prisma,
        { groupId: g.id, leaseToken, checkpoint: new Date(now.getTime() - 2_000), unconsumed: ms },
        { clientIp: null, now },
      );
      assert.ok(hb.ok);
    }
    const samples = await conn.prisma.heartbeatSample.findMany({ where: { groupId: g.id }, orderBy: { at: "asc" } });
    assert.deepEqual(
      samples.map((s) => s.at.getTime() - t0.getTime()),
      [0, 10_000],
    );
    assert.deepEqual(
      samples.map((s) => s.unconsumedRecords),
      [1_000, 11_000],
    );
    assert.equal(samples[0].messageDelaySeconds, 2);
  });

  it("a heartbeat without progress writes no sample", async () => {
    const g = await newGroup();
    const c = await connectConsumer(conn.prisma, { user: g.user, password: g.password }, { clientIp: null });
    assert.ok(c.ok);
    assert.ok((await heartbeatConsumer(conn.prisma, { groupId: g.id, leaseToken: c.data.leaseToken }, { clientIp: null })).ok);
    assert.equal(await conn.prisma.heartbeatSample.count({ where: { groupId: g.id } }), 0);
  });

  it("the database refuses a second sample in a slot and a sample off a slot boundary", async () => {
    const g = await newGroup();
    const at = historySlot(new Date());
    await conn.sql.query(`INSERT INTO heartbeat_history (group_id, at, message_delay_seconds) VALUES ($1, $2, 1)`, [
      g.id,
      at.toISOString(),
    ]);
    await assert.rejects(
      conn.sql.query(`INSERT INTO heartbeat_history (group_id, at, message_delay_seconds) VALUES ($1, $2, 2)`, [g.id, at.toISOString()]),
      /heartbeat_history_pkey/,
    );
    await assert.rejects(
      conn.sql.query(`INSERT INTO heartbeat_history (group_id, at) VALUES ($1, $2)`, [g.id, new Date(at.getTime() + 3_000).toISOString()]),
      /heartbeat_history_slot_check/,
    );
    await assert.rejects(
      conn.sql.query(`INSERT INTO heartbeat_history (group_id, at, unconsumed_records) VALUES ($1, $2, -1)`, [
        g.id,
        new Date(at.getTime() + 10_000).toISOString(),
      ]),
      /heartbeat_history_values_check/,
    );
    // Deleting the group deletes its history.
    await runAction(specs.deleteConsumerGroupSpec, { groupId: g.id }, userOf("admin"));
    assert.equal(await conn.prisma.heartbeatSample.count({ where: { groupId: g.id } }), 0);
  });

  it("samples older than 24 hours are pruned: the group's own on each sample, every group's on the hour", async () => {
    const a = await newGroup();
    const b = await newGroup();
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const old = new Date(hour - HISTORY_RETENTION_MS - 60_000);
    await recordHeartbeatSample(conn.prisma, a.id, old, progress);
    await recordHeartbeatSample(conn.prisma, b.id, old, progress);
    // A sample of a at 00:10 past the hour prunes a's old one only.
    await recordHeartbeatSample(conn.prisma, a.id, new Date(hour + 10_000), progress);
    assert.equal(await conn.prisma.heartbeatSample.count({ where: { groupId: a.id, at: old } }), 0);
    assert.equal(await conn.prisma.heartbeatSample.count({ where: { groupId: b.id, at: old } }), 1);
    // The first slot of an hour sweeps every group's.
    await recordHeartbeatSample(conn.prisma, a.id, new Date(hour), progress);
    assert.equal(await conn.prisma.heartbeatSample.count({ where: { groupId: b.id, at: old } }), 0);
  });

  it("the chart query and the prune are served by indexes", async () => {
    await conn.sql.exec("SET enable_seqscan = off");
    try {
      const chart = await conn.sql.query<{ "QUERY PLAN": string }>(
        `EXPLAIN SELECT * FROM heartbeat_history WHERE group_id = 'dtsx00000001' AND at >= now() - interval '1 hour' ORDER BY at`,
      );
      assert.match(
        chart.rows.map((r) => r["QUERY PLAN"]).join("\n"),
        /(Index (Only )?Scan using|Bitmap Index Scan on) heartbeat_history_pkey/,
      );
      const prune = await conn.sql.query<{ "QUERY PLAN": string }>(
        `EXPLAIN DELETE FROM heartbeat_history WHERE at < now() - interval '1 day'`,
      );
      assert.match(prune.rows.map((r) => r["QUERY PLAN"]).join("\n"), /heartbeat_history_at_idx/);
    } finally {
      await conn.sql.exec("RESET enable_seqscan");
    }
  });

  it("the drawer's history and the table's sparklines read it for any signed-in role", async () => {
    const g = await newGroup();
    const now = new Date();
    for (let i = 0; i < 12; i++)
      await recordHeartbeatSample(conn.prisma, g.id, new Date(now.getTime() - i * 300_000), { ...progress, messageDelaySeconds: i });
    const history = await getGroupHistory(userOf("viewer"), SEED_IDS.empty, g.id, now);
    assert.ok(history);
    assert.equal(history.samples.length, 12);
    assert.ok(
      history.samples.every((s, i, all) => i === 0 || all[i - 1].t < s.t),
      "oldest first",
    );
    assert.equal(await getGroupHistory(userOf("viewer"), SEED_IDS.normal, g.id, now), null, "only through its own instance");
    const lines = await listSparklines(userOf("viewer"), SEED_IDS.empty, now);
    assert.ok(lines);
    const line = lines.groups[g.id];
    assert.equal(line.delay.length, 60);
    assert.equal(line.delay.filter((v) => v !== null).length, 12);
    assert.equal(line.delay.at(-1), 0);
    await assert.rejects(getGroupHistory(null as never, SEED_IDS.empty, g.id), /signed-in/);
  });
});

describe("time zone preference", () => {
  it("a user who has not chosen follows the browser (NULL, the column's default)", async () => {
    const hash = (await conn.prisma.user.findFirstOrThrow({ select: { passwordHash: true } })).passwordHash;
    await conn.sql.query(`INSERT INTO app_user (id, username, password_hash, role) VALUES ('u-tz-default', 'tz_default', $1, 'viewer')`, [
      hash,
    ]);
    const user = await conn.prisma.user.findUnique({ where: { username: "tz_default" }, select: { timeZone: true } });
    assert.equal(user?.timeZone, null);
    await conn.prisma.user.delete({ where: { username: "tz_default" } });
  });

  it("every role sets its own zone; the change is audited; nonsense is refused", async () => {
    const ids = new Map((await conn.prisma.user.findMany({ select: { id: true, username: true } })).map((u) => [u.username, u.id]));
    const demo = (role: Role) => ({ id: ids.get(role)!, username: role, role });
    for (const role of ["viewer", "operator", "admin"] as Role[]) {
      const r = await runAction(changeTimeZoneSpec, { timeZone: "Asia/Shanghai" }, demo(role));
      assert.ok(r.ok, JSON.stringify(r));
      const user = await conn.prisma.user.findUnique({ where: { username: role }, select: { timeZone: true } });
      assert.equal(user?.timeZone, "Asia/Shanghai");
      assert.ok(await conn.prisma.auditLog.findFirst({ where: { username: role, action: "changeTimeZone", result: "ok" } }));
      assert.ok((await runAction(changeTimeZoneSpec, { timeZone: "UTC" }, demo(role))).ok);
    }
    const bad = await runAction(changeTimeZoneSpec, { timeZone: "Mars/Olympus_Mons" }, userOf("viewer"));
    assert.equal(!bad.ok && bad.code, "InvalidParameter");
    assert.equal(timeZoneSchema.safeParse("'; DROP TABLE x").success, false);
    await assert.rejects(
      conn.sql.query(`UPDATE app_user SET time_zone = 'not a zone!' WHERE username = 'viewer'`),
      /app_user_time_zone_check/,
    );
  });

  it("times format in the zone and columns name it", () => {
    const t = new Date("2026-11-28T10:00:05Z");
    assert.equal(formatDateTime(t), "2026-11-28 10:00:05");
    assert.equal(formatDateTime(t, "Asia/Shanghai"), "2026-11-28 18:00:05");
    assert.equal(formatDateTime(t, "America/New_York"), "2026-11-28 05:00:05");
    assert.equal(zoneLabel("UTC"), "UTC");
    assert.equal(zoneLabel("Asia/Shanghai", t), "UTC+08:00");
    assert.equal(zoneLabel("Asia/Kolkata", t), "UTC+05:30");
    assert.equal(zoneLabel("America/New_York", t), "UTC-05:00");
  });
});

describe("audit log CSV export", () => {
  it("admins only; the export and the refusals are audited", async () => {
    for (const role of ["viewer", "operator"] as Role[]) {
      const r = await runAction(exportAuditLogSpec, {}, userOf(role));
      assert.equal(!r.ok && r.code, "Forbidden.Role");
      assert.ok(await conn.prisma.auditLog.findFirst({ where: { username: role, action: "exportAuditLog", errorCode: "Forbidden.Role" } }));
    }
    const ok = await runAction(exportAuditLogSpec, { action: "createConsumerGroup", page: "3" }, userOf("admin"));
    assert.ok(ok.ok);
    assert.equal(ok.data.action, "createConsumerGroup");
    assert.ok(await conn.prisma.auditLog.findFirst({ where: { username: "admin", action: "exportAuditLog", result: "ok" } }));
  });

  it("streams every matching record in batches, with group names, and cells no spreadsheet runs", async () => {
    const names = new Set<string>();
    for (let i = 0; i < 3; i++)
      names.add(
        (await conn.prisma.consumerGroup.findFirstOrThrow({ where: { instanceId: SEED_IDS.empty }, skip: i, select: { name: true } })).name,
      );
    let text = "";
    for await (const chunk of auditLogCsv(userOf("admin"), { action: "createConsumerGroup", page: 1 })) text += chunk;
    const lines = text.trim().split("\r\n");
    assert.equal(lines[0].split(",")[0], "time_utc");
    const expected = await conn.prisma.auditLog.count({ where: { action: "createConsumerGroup" } });
    assert.equal(lines.length - 1, expected);
    assert.ok(
      [...names].some((n) => text.includes(`"${n}"`)),
      "group names beside ids",
    );
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField("-1+2"), `"'-1+2"`);
    assert.equal(csvField(null), `""`);
    await assert.rejects(auditLogCsv(userOf("viewer"), { page: 1 }).next(), /may not audit.read/);
  });
});
