import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

// Seven days of consumer history and the Monitoring tab's read (docs/rules.md "Consumer history"):
// samples older than 24 hours are averaged to one a minute, a minute's samples leave together,
// minute averages go after 7 days; the tab reads every group of an instance over 1 h to 7 days in
// steps, the 7 days reaching into the minute averages; a bad range in the URL falls back.
process.env.DTS_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;

const { getConnection } = await import("../../lib/db");
const { ageOutSamples, recordHeartbeatSample, HISTORY_RETENTION_MS, MINUTE_RETENTION_MS } = await import("../../lib/consumer/history");
const { getInstanceMonitoring } = await import("../../lib/data/monitoring");
const { backfillDemoHistory } = await import("../../lib/consumer/simulator");
const { MONITOR_RANGES, monitoringQuerySchema, monitoringHref } = await import("../../lib/validation/monitoring");
const { addConnectedGroup, addInstance } = await import("../helpers/alert-fixtures");
const { connect } = await import("../../lib/db/connect");
const { findPgBin, startPgServer } = await import("../pg-server");
const pgBin = findPgBin();

const viewer = { id: "u-viewer", username: "viewer", role: "viewer" as const };
let conn: Awaited<ReturnType<typeof getConnection>>;
const MINUTE = 60_000;

before(async () => {
  conn = await getConnection();
});
after(async () => {
  await conn.close();
});

async function sample(groupId: string, at: number, delay: number | null, unconsumed: number | null) {
  await conn.sql.query(`INSERT INTO heartbeat_history (group_id, at, message_delay_seconds, unconsumed_records) VALUES ($1, $2, $3, $4)`, [
    groupId,
    new Date(at).toISOString(),
    delay,
    unconsumed,
  ]);
}
async function minute(groupId: string, at: number, delay: number, unconsumed: number) {
  await conn.sql.query(`INSERT INTO heartbeat_minute (group_id, at, message_delay_seconds, unconsumed_records) VALUES ($1, $2, $3, $4)`, [
    groupId,
    new Date(at).toISOString(),
    delay,
    unconsumed,
  ]);
}
const minutesOf = (groupId: string) =>
  conn.prisma.heartbeatMinute
    .findMany({ where: { groupId }, orderBy: { at: "asc" } })
    .then((rows) => rows.map((r) => [r.at.getTime(), r.messageDelaySeconds, r.unconsumedRecords]));

describe("consumer history over 7 days", () => {
  it("averages samples older than 24 hours to one a minute, a minute's samples together", async () => {
    const instanceId = await addInstance(conn);
    const groupId = await addConnectedGroup(conn, instanceId, 5);
    const now = Date.now();
    const cutoff = Math.floor((now - HISTORY_RETENTION_MS) / MINUTE) * MINUTE;
    const old = cutoff - 3 * MINUTE;
    for (const [s, delay, unconsumed] of [
      [0, 10, 100],
      [10, 20, null],
      [50, 40, 300],
    ] as const)
      await sample(groupId, old + s * 1000, delay, unconsumed);
    // The cutoff's own minute is not yet whole: it stays as it was written.
    await sample(groupId, cutoff + 10_000, 7, 70);

    await ageOutSamples(conn.prisma, new Date(now), groupId);
    // avg(10, 20, 40) = 23.3 and avg(100, 300) = 200, each rounded; a null is no sample.
    assert.deepEqual(await minutesOf(groupId), [[old, 23, 200]]);
    const raw = await conn.prisma.heartbeatSample.findMany({ where: { groupId }, select: { at: true } });
    assert.deepEqual(
      raw.map((r) => r.at.getTime()),
      [cutoff + 10_000],
    );
    // Written once: a second pass changes nothing.
    await ageOutSamples(conn.prisma, new Date(now), groupId);
    assert.deepEqual(await minutesOf(groupId), [[old, 23, 200]]);
  });

  it("drops minute averages after 7 days on the hourly sweep, and a heartbeat ages its group's samples out", async () => {
    const instanceId = await addInstance(conn);
    const a = await addConnectedGroup(conn, instanceId, 5);
    const b = await addConnectedGroup(conn, instanceId, 5);
    // A heartbeat 10 s into this hour, and everything relative to it.
    const now = Math.floor(Date.now() / 3_600_000) * 3_600_000 + 10_000;
    const week = Math.floor((now - MINUTE_RETENTION_MS) / MINUTE) * MINUTE;
    await minute(a, week - MINUTE, 1, 1);
    await minute(a, week + 5 * MINUTE, 2, 2);
    const old = Math.floor((now - HISTORY_RETENTION_MS) / MINUTE) * MINUTE - 10 * MINUTE;
    await sample(a, old, 4, 40);
    await sample(b, old, 6, 60);
    // A heartbeat of a moves a's old sample only.
    await recordHeartbeatSample(conn.prisma, a, new Date(now), {
      checkpointAt: null,
      messageDelaySeconds: 1,
      unconsumedRecords: 1,
    });
    assert.deepEqual(
      await minutesOf(a),
      [
        [week - MINUTE, 1, 1],
        [old, 4, 40],
        [week + 5 * MINUTE, 2, 2],
      ].sort((x, y) => x[0] - y[0]),
    );
    assert.deepEqual(await minutesOf(b), []);
    // The sweep: every group's, and the week's end.
    await ageOutSamples(conn.prisma, new Date(now));
    assert.deepEqual(await minutesOf(b), [[old, 6, 60]]);
    assert.deepEqual(
      (await minutesOf(a)).map((r) => r[0]),
      [old, week + 5 * MINUTE].sort((x, y) => x - y),
    );
    // The database's own rules: a minute's start, no negative figures.
    await assert.rejects(minute(a, now - 30_000 - (now % MINUTE) + 10_000, 1, 1), /heartbeat_minute_at_check/);
    await assert.rejects(minute(a, week + 9 * MINUTE, -1, 1), /heartbeat_minute_values_check/);
  });
});

describe("the Monitoring tab's read", () => {
  it("gives every group's highest delay and backlog per step, the 7 days from the minute averages too", async () => {
    const instanceId = await addInstance(conn);
    const a = await addConnectedGroup(conn, instanceId, 5);
    const b = await addConnectedGroup(conn, instanceId, 5);
    // A minute into a 30-minute step (the 7 days' step), so the samples 10 and 20 s before it
    // share that step whatever the clock says.
    const now = new Date(Math.floor(Date.now() / 1_800_000) * 1_800_000 - 1_800_000 + 65_000);
    const slot = Math.floor(now.getTime() / 10_000) * 10_000;
    await sample(a, slot - 20_000, 30, 300);
    await sample(a, slot - 10_000, 50, 200);
    await sample(b, slot - 10_000, 9, 90);
    await minute(a, Math.floor((now.getTime() - 3 * 86_400_000) / MINUTE) * MINUTE, 777, 7_000);

    const hour = await getInstanceMonitoring(viewer, instanceId, "1h", now);
    assert.ok(hour);
    assert.equal(hour.points, 360);
    assert.equal(hour.stepMs, MONITOR_RANGES["1h"].stepMs);
    assert.equal(hour.from + (hour.points - 1) * hour.stepMs, slot, "the last step is the current slot");
    assert.deepEqual(hour.groups[a]?.delay.slice(-3), [30, 50, null]);
    assert.deepEqual(hour.groups[b]?.unconsumed.slice(-2), [90, null]);
    assert.ok(!hour.groups[a]?.delay.includes(777), "the minute averages are 3 days old");

    const week = await getInstanceMonitoring(viewer, instanceId, "7d", now);
    assert.ok(week);
    assert.equal(week.points, 336);
    // The last 30-minute step holds the highest of its samples.
    assert.equal(week.groups[a]?.delay.at(-1), 50);
    assert.equal(week.groups[a]?.unconsumed.at(-1), 300);
    assert.ok(week.groups[a]?.delay.includes(777));
    assert.equal(week.groups[a]?.delay.filter((v) => v !== null).length, 2);

    const empty = await getInstanceMonitoring(viewer, await addInstance(conn), "6h", now);
    assert.deepEqual(empty?.groups, {});
    assert.equal(await getInstanceMonitoring(viewer, "dtsnosuch0000001", "1h", now), null);
    assert.equal(await getInstanceMonitoring(viewer, "'; drop table x", "1h", now), null);
    await assert.rejects(getInstanceMonitoring(null as never, instanceId, "1h", now), /signed-in user/);
  });

  it("takes its range from the URL, a bad one falling back to the last hour", () => {
    assert.equal(monitoringQuerySchema.parse({ range: "7d" }).range, "7d");
    assert.equal(monitoringQuerySchema.parse({ range: ["24h", "1h"] }).range, "24h");
    for (const bad of [undefined, "", "30d", "7D", "<script>", ["x"]])
      assert.equal(monitoringQuerySchema.parse({ range: bad }).range, "1h");
    assert.equal(monitoringHref("dtsabc", "1h"), "/change-tracking/dtsabc/monitoring");
    assert.equal(monitoringHref("dtsabc", "6h"), "/change-tracking/dtsabc/monitoring?range=6h");
  });

  it("a demo's showcase gets its week once, for the groups its consumers play", async () => {
    const instanceId = await addInstance(conn);
    const played = await addConnectedGroup(conn, instanceId, 5);
    const idle = await addConnectedGroup(conn, instanceId, 5);
    await conn.sql.query(`UPDATE consumer_group SET unconsumed_records = NULL, message_delay_seconds = NULL WHERE id = $1`, [idle]);
    const now = new Date();
    const written = await backfillDemoHistory(conn.prisma, instanceId, now);
    // Six days of minutes, ending where the last 24 hours' samples begin.
    assert.ok(written >= 8_600 && written <= 8_641, String(written));
    const newest = await conn.prisma.heartbeatMinute.findFirstOrThrow({ where: { groupId: played }, orderBy: { at: "desc" } });
    assert.ok(newest.at.getTime() < now.getTime() - 24 * 3_600_000, newest.at.toISOString());
    assert.equal(await conn.prisma.heartbeatMinute.count({ where: { groupId: idle } }), 0);
    assert.equal(await backfillDemoHistory(conn.prisma, instanceId, now), 0, "once");
    const week = await getInstanceMonitoring(viewer, instanceId, "7d", now);
    assert.ok((week?.groups[played]?.delay.filter((v) => v !== null).length ?? 0) > 250);
  });
});

describe("the all-groups sweep on one PostgreSQL server", { skip: pgBin ? false : "no PostgreSQL server binaries" }, () => {
  it("two heartbeats at the top of the hour both commit: one sweeps every group, neither deadlocks", async () => {
    const server = await startPgServer(pgBin!);
    const [a, b] = [await connect({ databaseUrl: server.url }), await connect({ databaseUrl: server.url })];
    try {
      const instanceId = await addInstance(a);
      const groups = [await addConnectedGroup(a, instanceId, 5), await addConnectedGroup(a, instanceId, 5)];
      const now = new Date();
      const old = Math.floor((now.getTime() - HISTORY_RETENTION_MS) / MINUTE) * MINUTE - 10 * MINUTE;
      for (const g of groups)
        for (let s = 0; s < 60; s += 10)
          await a.sql.query(
            `INSERT INTO heartbeat_history (group_id, at, message_delay_seconds, unconsumed_records) VALUES ($1, $2, 10, 100)`,
            [g, new Date(old + s * 1000).toISOString()],
          );
      // As two heartbeats would: each ages its own group's samples out, holds them a moment, then
      // sweeps every group's, in one transaction. Without the sweep's lock each waits on the other.
      const beat = (c: typeof a, groupId: string) =>
        c.prisma.$transaction(
          async (tx) => {
            await ageOutSamples(tx, now, groupId);
            await tx.$queryRaw`SELECT pg_sleep(0.3)::text AS "slept"`;
            await ageOutSamples(tx, now);
          },
          { timeout: 20_000 },
        );
      await Promise.all([beat(a, groups[0]), beat(b, groups[1])]);
      for (const g of groups) {
        const rows = await a.prisma.heartbeatMinute.findMany({ where: { groupId: g } });
        assert.deepEqual(
          rows.map((r) => [r.at.getTime(), r.messageDelaySeconds]),
          [[old, 10]],
        );
      }
    } finally {
      await a.close();
      await b.close();
      server.stop();
    }
  });
});
