import assert from "node:assert/strict";
import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";

// Alerts that reach people (docs/rules.md "Alert delivery"): the evaluator fires once and resolves
// once from the instance's alert settings, a real local webhook receiver gets signed deliveries, a
// failing receiver is retried and its channel shown failing, every SSRF form is refused, and two
// evaluators on one PostgreSQL server fire and queue once.
process.env.DTS_SECRET_KEY = randomBytes(32).toString("base64");
process.env.DTS_WEBHOOK_ALLOW_PRIVATE = "1"; // the receiver is on 127.0.0.1; the SSRF tests pass their own setting

const { connect } = await import("../../lib/db/connect");
type Connection = Awaited<ReturnType<typeof connect>>;
const { evaluateAlerts } = await import("../../lib/alerts/evaluator");
const { deliverDue, FAILING_AFTER, MAX_ATTEMPTS, pruneDeliveries, DELIVERY_RETENTION_DAYS } = await import("../../lib/alerts/delivery");
const { isPublicAddress, parseWebhookUrl, resolveWebhookTarget } = await import("../../lib/alerts/webhook-target");
const { addChannel, addConnectedGroup, addInstance, configure, SECRET, setDelay } = await import("../helpers/alert-fixtures");
const { findPgBin, startPgServer } = await import("../pg-server");

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
let answerWith = 204;
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    res.writeHead(answerWith).end();
  });
});
let receiverUrl = "";

let conn: Connection;
before(async () => {
  conn = await connect({ dataDir: "memory://" });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
after(async () => {
  receiver.close();
  await conn.close();
});

describe("a latency alert", () => {
  it("fires once, is delivered signed, resolves once under 80% of the threshold, with history and audit", async () => {
    const channel = await addChannel(conn, receiverUrl);
    const instanceId = await addInstance(conn);
    await configure(conn, instanceId, { delay: 30 });
    const groupId = await addConnectedGroup(conn, instanceId, 100);
    answerWith = 204;
    received.length = 0;

    assert.deepEqual(await evaluateAlerts(conn.prisma), { fired: 1, resolved: 0 });
    assert.deepEqual(await evaluateAlerts(conn.prisma), { fired: 0, resolved: 0 }, "fires once");
    assert.deepEqual(await deliverDue(conn.prisma), { sent: 1, failed: 0 });
    assert.deepEqual(await deliverDue(conn.prisma), { sent: 0, failed: 0 }, "delivered once");
    assert.equal(received.length, 1);
    const [firing] = received;
    const body = JSON.parse(firing.body) as { event: string; alert: Record<string, unknown>; summary: string };
    assert.equal(body.event, "firing");
    assert.deepEqual(
      [body.alert.rule, body.alert.instanceId, body.alert.groupId, body.alert.value, body.alert.threshold],
      ["delay", instanceId, groupId, 100, 30],
    );
    // The signature: HMAC-SHA256 of "<t>.<body>" under the channel's secret.
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(firing.headers["x-dts-signature"])) ?? [];
    assert.ok(t && v1, String(firing.headers["x-dts-signature"]));
    assert.equal(createHmac("sha256", SECRET).update(`${t}.${firing.body}`).digest("hex"), v1);
    assert.notEqual(createHmac("sha256", "another").update(`${t}.${firing.body}`).digest("hex"), v1);
    assert.equal(firing.headers["x-dts-event"], "firing");

    // Just over 80% of the threshold: still firing (no flapping at the edge).
    await setDelay(conn, groupId, 25);
    assert.deepEqual(await evaluateAlerts(conn.prisma), { fired: 0, resolved: 0 });
    await setDelay(conn, groupId, 24);
    assert.deepEqual(await evaluateAlerts(conn.prisma), { fired: 0, resolved: 1 });
    assert.deepEqual(await evaluateAlerts(conn.prisma), { fired: 0, resolved: 0 }, "resolves once");
    await deliverDue(conn.prisma);
    assert.equal(received.length, 2);
    assert.equal((JSON.parse(received[1].body) as { event: string }).event, "resolved");

    const events = await conn.prisma.alertEvent.findMany({ where: { instanceId } });
    assert.equal(events.length, 1);
    assert.ok(events[0].resolvedAt && events[0].resolvedAt >= events[0].firedAt);
    const audit = await conn.prisma.auditLog.findMany({
      where: { instanceId, action: { in: ["alertFired", "alertResolved"] } },
      orderBy: { id: "asc" },
    });
    assert.deepEqual(
      audit.map((a) => [a.action, a.username, a.groupId]),
      [
        ["alertFired", "system", groupId],
        ["alertResolved", "system", groupId],
      ],
    );
    // Over again: a new alert.
    await setDelay(conn, groupId, 31);
    assert.deepEqual(await evaluateAlerts(conn.prisma), { fired: 1, resolved: 0 });
    await conn.prisma.notificationChannel.delete({ where: { id: channel } });
  });

  it("keeps firing while the consumer is away, and resolves when the alert is turned off", async () => {
    const instanceId = await addInstance(conn);
    await configure(conn, instanceId, { delay: 60 });
    const groupId = await addConnectedGroup(conn, instanceId, 600);
    assert.equal((await evaluateAlerts(conn.prisma))?.fired, 1);
    await conn.sql.query(`DELETE FROM consumer_lease WHERE group_id = $1`, [groupId]);
    assert.equal((await evaluateAlerts(conn.prisma))?.resolved, 0);
    await configure(conn, instanceId, {});
    assert.equal((await evaluateAlerts(conn.prisma))?.resolved, 1);
  });
});

describe("a status alert", () => {
  it("fires when the instance is in error and resolves when it is Normal again", async () => {
    const instanceId = await addInstance(conn);
    await configure(conn, instanceId, { error: true });
    assert.equal((await evaluateAlerts(conn.prisma))?.fired, 0);
    await conn.sql.query(`UPDATE instance SET status = 'Abnormal' WHERE id = $1`, [instanceId]);
    assert.equal((await evaluateAlerts(conn.prisma))?.fired, 1);
    const event = await conn.prisma.alertEvent.findFirstOrThrow({ where: { instanceId } });
    assert.deepEqual([event.rule, event.detail, event.groupId], ["status", "Abnormal", ""]);
    await conn.sql.query(`UPDATE instance SET status = 'Normal' WHERE id = $1`, [instanceId]);
    assert.equal((await evaluateAlerts(conn.prisma))?.resolved, 1);
  });
});

/** A group rule as the dialog would save it, set `minutesAgo` back. */
async function groupRule(
  c: Connection,
  groupId: string,
  rule: { delayOver?: number; delayFor?: number; stalled?: boolean; disconnected?: number },
  minutesAgo = 0,
) {
  await c.sql.query(
    `INSERT INTO group_alert_rule (group_id, delay_over_seconds, delay_for_minutes, stalled, disconnected_minutes, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, (now() AT TIME ZONE 'UTC') - make_interval(mins => $6), 'operator')
     ON CONFLICT (group_id) DO UPDATE SET delay_over_seconds = EXCLUDED.delay_over_seconds, delay_for_minutes = EXCLUDED.delay_for_minutes,
       stalled = EXCLUDED.stalled, disconnected_minutes = EXCLUDED.disconnected_minutes, updated_at = EXCLUDED.updated_at`,
    [groupId, rule.delayOver ?? null, rule.delayFor ?? 0, rule.stalled ?? false, rule.disconnected ?? null, minutesAgo],
  );
}

/** Heartbeat samples of a group: [minutes ago, delay]. */
async function samples(c: Connection, groupId: string, points: [number, number][]) {
  for (const [minutesAgo, delay] of points) {
    await c.sql.query(
      `INSERT INTO heartbeat_history (group_id, at, message_delay_seconds, unconsumed_records)
       VALUES ($1, to_timestamp(floor(extract(epoch FROM now() - make_interval(mins => $2)) / 10) * 10) AT TIME ZONE 'UTC', $3, 10)`,
      [groupId, minutesAgo, delay],
    );
  }
}

const openRules = async (c: Connection, groupId: string) =>
  (await c.prisma.alertEvent.findMany({ where: { groupId, resolvedAt: null } })).map((e) => e.rule).sort();

describe("a consumer group's own rule", () => {
  it("fires on a delay over N seconds held for M minutes, and resolves under 80%", async () => {
    const instanceId = await addInstance(conn);
    const held = await addConnectedGroup(conn, instanceId, 100);
    await samples(conn, held, [
      [6, 90],
      [4, 95],
      [2, 99],
      [1, 100],
    ]);
    await groupRule(conn, held, { delayOver: 50, delayFor: 5 });
    // Dipped under the threshold within the last 5 minutes: not held long enough.
    const dipped = await addConnectedGroup(conn, instanceId, 100);
    await samples(conn, dipped, [
      [6, 90],
      [3, 20],
      [1, 100],
    ]);
    await groupRule(conn, dipped, { delayOver: 50, delayFor: 5 });
    // Over for a minute only, with no history reaching back: not held either.
    const fresh = await addConnectedGroup(conn, instanceId, 100);
    await samples(conn, fresh, [[1, 100]]);
    await groupRule(conn, fresh, { delayOver: 50, delayFor: 5 });
    await evaluateAlerts(conn.prisma);
    assert.deepEqual(await openRules(conn, held), ["group_delay"]);
    assert.deepEqual(await openRules(conn, dipped), []);
    assert.deepEqual(await openRules(conn, fresh), []);
    // Without a duration, the delay now is enough.
    await groupRule(conn, fresh, { delayOver: 50 });
    await evaluateAlerts(conn.prisma);
    assert.deepEqual(await openRules(conn, fresh), ["group_delay"]);
    await setDelay(conn, held, 41);
    await evaluateAlerts(conn.prisma);
    assert.deepEqual(await openRules(conn, held), ["group_delay"], "41 s is over 80% of 50 s");
    await setDelay(conn, held, 40);
    await evaluateAlerts(conn.prisma);
    assert.deepEqual(await openRules(conn, held), []);
  });

  it("fires while the consumer is stalled, and resolves when the checkpoint moves", async () => {
    const instanceId = await addInstance(conn);
    const groupId = await addConnectedGroup(conn, instanceId, 5);
    await conn.sql.query(
      `UPDATE consumer_lease SET connected_at = (now() AT TIME ZONE 'UTC') - interval '10 minutes' WHERE group_id = $1`,
      [groupId],
    );
    await groupRule(conn, groupId, { stalled: true });
    await evaluateAlerts(conn.prisma);
    assert.deepEqual(await openRules(conn, groupId), ["stalled"]);
    await conn.sql.query(`UPDATE consumer_group SET checkpoint_at = now() WHERE id = $1`, [groupId]);
    await evaluateAlerts(conn.prisma);
    assert.deepEqual(await openRules(conn, groupId), []);
  });

  it("fires when no consumer has connected for N minutes, and resolves when one connects", async () => {
    const instanceId = await addInstance(conn);
    const groupId = await addConnectedGroup(conn, instanceId, 5);
    await conn.sql.query(`DELETE FROM consumer_lease WHERE group_id = $1`, [groupId]);
    // Set 20 minutes ago, nobody since: over 10 minutes.
    await groupRule(conn, groupId, { disconnected: 10 }, 20);
    const recent = await addConnectedGroup(conn, instanceId, 5);
    await conn.sql.query(`DELETE FROM consumer_lease WHERE group_id = $1`, [recent]);
    await samples(conn, recent, [[3, 5]]);
    await groupRule(conn, recent, { disconnected: 10 }, 20);
    await evaluateAlerts(conn.prisma);
    assert.deepEqual(await openRules(conn, groupId), ["disconnected"]);
    assert.deepEqual(await openRules(conn, recent), [], "a heartbeat 3 minutes ago");
    const event = await conn.prisma.alertEvent.findFirstOrThrow({ where: { groupId, rule: "disconnected" } });
    assert.deepEqual([event.value >= 19, event.threshold], [true, 10]);
    await conn.sql.query(
      `INSERT INTO consumer_lease (group_id, client_id, connected_at, heartbeat_at, expires_at)
       VALUES ($1, 'back', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', (now() AT TIME ZONE 'UTC') + interval '1 minute')`,
      [groupId],
    );
    await evaluateAlerts(conn.prisma);
    assert.deepEqual(await openRules(conn, groupId), []);
  });
});

describe("a failing receiver", () => {
  it("is retried with backoff, then the delivery fails and the channel shows failing", async () => {
    const channel = await addChannel(conn, receiverUrl, "slack");
    const instanceId = await addInstance(conn);
    await configure(conn, instanceId, { delay: 10 });
    await addConnectedGroup(conn, instanceId, 50);
    answerWith = 500;
    received.length = 0;
    await evaluateAlerts(conn.prisma);
    // Only this test's delivery: earlier tests' open alerts may be queued to this channel too.
    const delivery = await conn.prisma.notificationDelivery.findFirstOrThrow({ where: { channelId: channel, event: { instanceId } } });
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      assert.deepEqual(await deliverDue(conn.prisma, { only: delivery.id }), { sent: 0, failed: 1 }, `attempt ${attempt}`);
      const row = await conn.prisma.notificationDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
      assert.equal(row.attempts, attempt);
      assert.equal(row.lastHttpStatus, 500);
      if (attempt < MAX_ATTEMPTS) {
        assert.equal(row.status, "pending");
        assert.ok(row.nextAttemptAt.getTime() > Date.now(), "retried later, not at once");
        assert.deepEqual(await deliverDue(conn.prisma, { only: delivery.id }), { sent: 0, failed: 0 }, "not before its time");
        await conn.prisma.notificationDelivery.update({ where: { id: delivery.id }, data: { nextAttemptAt: new Date(0) } });
      } else assert.equal(row.status, "failed");
    }
    assert.equal(received.length, MAX_ATTEMPTS);
    assert.equal((JSON.parse(received[0].body) as { text: string }).text.startsWith("[FIRING]"), true, "Slack's shape");
    const failing = await conn.prisma.notificationChannel.findUniqueOrThrow({ where: { id: channel } });
    assert.ok(failing.consecutiveFailures >= FAILING_AFTER);
    assert.equal(failing.lastError, "HTTP 500");
    // It works again: one success clears it.
    answerWith = 200;
    await conn.prisma.notificationDelivery.update({
      where: { id: delivery.id },
      data: { status: "pending", attempts: 0, nextAttemptAt: new Date(0) },
    });
    assert.deepEqual(await deliverDue(conn.prisma, { only: delivery.id }), { sent: 1, failed: 0 });
    assert.equal((await conn.prisma.notificationChannel.findUniqueOrThrow({ where: { id: channel } })).consecutiveFailures, 0);
    await conn.prisma.notificationChannel.delete({ where: { id: channel } });
  });
});

describe("delivery retention", () => {
  it("prunes finished deliveries past the retention, keeps recent and unfinished ones", async () => {
    const channel = await addChannel(conn, receiverUrl);
    const old = new Date(Date.now() - (DELIVERY_RETENTION_DAYS + 1) * 86_400_000);
    const recent = new Date(Date.now() - (DELIVERY_RETENTION_DAYS - 1) * 86_400_000);
    const made = await Promise.all(
      (
        [
          ["ok", old],
          ["failed", old],
          ["pending", old],
          ["ok", recent],
        ] as const
      ).map(([status, updatedAt]) =>
        conn.prisma.notificationDelivery.create({
          data: { channelId: channel, transition: "test", status, updatedAt, nextAttemptAt: new Date(Date.now() + 86_400_000) },
        }),
      ),
    );
    assert.equal(await pruneDeliveries(conn.prisma), 2);
    const left = await conn.prisma.notificationDelivery.findMany({
      where: { id: { in: made.map((d) => d.id) } },
      select: { status: true },
    });
    assert.deepEqual(left.map((d) => d.status).sort(), ["ok", "pending"]);
    await conn.prisma.notificationChannel.delete({ where: { id: channel } });
  });
});

describe("webhook targets (SSRF)", () => {
  it("refuses every loopback, private, link-local, metadata, mapped and reserved address", () => {
    for (const address of [
      "127.0.0.1",
      "127.1.2.3",
      "10.0.0.1",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.100.100.200",
      "100.64.0.1",
      "0.0.0.0",
      "255.255.255.255",
      "224.0.0.1",
      "::1",
      "::",
      "::ffff:127.0.0.1",
      "::ffff:169.254.169.254",
      "::ffff:10.0.0.1",
      "fe80::1",
      "fc00::1",
      "fd12:3456::1",
      "ff02::1",
      "2001:db8::1",
    ]) {
      assert.equal(isPublicAddress(address), false, address);
    }
    for (const address of ["8.8.8.8", "47.96.0.1", "2001:4860:4860::8888"]) assert.equal(isPublicAddress(address), true, address);
  });

  it("refuses URLs that are not http(s), carry credentials or spaces", () => {
    for (const url of [
      "ftp://example.com/",
      "file:///etc/passwd",
      "http://user:pw@example.com/",
      "http://exa mple.com/",
      "javascript:alert(1)",
      "//example.com",
    ]) {
      assert.equal(parseWebhookUrl(url), null, url);
    }
    assert.ok(parseWebhookUrl("https://hooks.example.com/x?y=1"));
  });

  it("resolves names and refuses any private answer; a rebinding name is refused when it turns private", async () => {
    const privately = { allowPrivate: false };
    const literal = await resolveWebhookTarget(new URL("http://127.0.0.1:9/x"), privately);
    assert.deepEqual(literal, { ok: false, reason: "private" });
    const bracketed = await resolveWebhookTarget(new URL("http://[::ffff:7f00:1]/x"), privately);
    assert.deepEqual(bracketed, { ok: false, reason: "private" });
    const mixed = await resolveWebhookTarget(new URL("http://mixed.example/x"), {
      ...privately,
      resolve: () =>
        Promise.resolve([
          { address: "8.8.8.8", family: 4 },
          { address: "10.1.2.3", family: 4 },
        ]),
    });
    assert.deepEqual(mixed, { ok: false, reason: "private" });
    let answer = "8.8.8.8";
    const rebinding = { ...privately, resolve: () => Promise.resolve([{ address: answer, family: 4 }]) };
    assert.deepEqual(await resolveWebhookTarget(new URL("http://rebind.example/x"), rebinding), {
      ok: true,
      address: "8.8.8.8",
      family: 4,
    });
    answer = "169.254.169.254";
    assert.deepEqual(await resolveWebhookTarget(new URL("http://rebind.example/x"), rebinding), { ok: false, reason: "private" });
    assert.deepEqual(await resolveWebhookTarget(new URL("http://nowhere.invalid/x"), privately), { ok: false, reason: "unresolved" });
    // DTS_WEBHOOK_ALLOW_PRIVATE=1 lets a private receiver through.
    assert.equal((await resolveWebhookTarget(new URL("http://127.0.0.1:9/x"), { allowPrivate: true })).ok, true);
  });

  it("refuses a delivery to a private address unless private targets are allowed", async () => {
    process.env.DTS_WEBHOOK_ALLOW_PRIVATE = "0";
    try {
      const channel = await addChannel(conn, receiverUrl);
      received.length = 0;
      const delivery = await conn.prisma.notificationDelivery.create({ data: { channelId: channel, transition: "test" } });
      assert.deepEqual(await deliverDue(conn.prisma, { only: delivery.id }), { sent: 0, failed: 1 });
      assert.equal(received.length, 0, "nothing was sent");
      const row = await conn.prisma.notificationDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
      assert.deepEqual([row.status, row.lastError], ["failed", "refused: a private or reserved address"]);
      await conn.prisma.notificationChannel.delete({ where: { id: channel } });
    } finally {
      process.env.DTS_WEBHOOK_ALLOW_PRIVATE = "1";
    }
  });
});

const pgBin = findPgBin();
if (!pgBin && process.env.CI) throw new Error("CI proves the evaluators' exclusivity on a PostgreSQL server: install postgresql-15.");
describe("two evaluators on one PostgreSQL server", { skip: pgBin ? false : "no PostgreSQL server binaries" }, () => {
  it("fire once and queue one delivery per channel, however they interleave", async () => {
    const server = await startPgServer(pgBin!);
    const [a, b] = [await connect({ databaseUrl: server.url }), await connect({ databaseUrl: server.url })];
    try {
      await addChannel(a, receiverUrl);
      await addChannel(a, receiverUrl);
      const instances: string[] = [];
      for (let i = 0; i < 5; i++) {
        const instanceId = await addInstance(a);
        await configure(a, instanceId, { delay: 10 });
        await addConnectedGroup(a, instanceId, 100);
        await addConnectedGroup(a, instanceId, 200);
        instances.push(instanceId);
      }
      // Both at once, many times over.
      const runs = await Promise.all(Array.from({ length: 10 }, (_, i) => evaluateAlerts((i % 2 ? a : b).prisma)));
      const fired = runs.reduce((n, r) => n + (r?.fired ?? 0), 0);
      assert.equal(fired, 10, JSON.stringify(runs));
      assert.equal(await a.prisma.alertEvent.count(), 10);
      assert.equal(await a.prisma.notificationDelivery.count(), 20);
      // Two workers delivering at once send each delivery once.
      received.length = 0;
      answerWith = 204;
      const sent = await Promise.all([deliverDue(a.prisma, { limit: 50 }), deliverDue(b.prisma, { limit: 50 })]);
      assert.equal(sent[0].sent + sent[1].sent, 20);
      assert.equal(received.length, 20);
    } finally {
      await a.close();
      await b.close();
      server.stop();
    }
  });
});
