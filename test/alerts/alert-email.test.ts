import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { SMTPServer } from "smtp-server";
import { userOf } from "../helpers/users";

// E-mail channels (docs/rules.md "Alert delivery"): admins add one only while the server has SMTP
// settings; its recipients are checked on their field and by the database; an alert's firing and
// its resolving each reach a real SMTP server (smtp-server, in this test) once; a server that
// refuses the mail is retried and the channel shown failing.
process.env.DTS_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;
process.env.DTS_SECRET_KEY = randomBytes(32).toString("base64");
for (const name of ["DTS_SMTP_HOST", "DTS_SMTP_PORT", "DTS_SMTP_TLS", "DTS_SMTP_FROM", "DTS_SMTP_USER", "DTS_SMTP_PASSWORD"]) {
  Reflect.deleteProperty(process.env, name);
}

const { getConnection } = await import("../../lib/db");
const { runAction } = await import("../../lib/actions/run-action");
const specs = await import("../../lib/actions/notification-channel-specs");
const { listChannels } = await import("../../lib/data/alerts");
const { evaluateAlerts } = await import("../../lib/alerts/evaluator");
const { deliverDue, FAILING_AFTER } = await import("../../lib/alerts/delivery");
const { smtpSettings, emailMessage } = await import("../../lib/alerts/email");
const { parseRecipients } = await import("../../lib/validation/notification-channel");
const { addConnectedGroup, addInstance, configure, setDelay } = await import("../helpers/alert-fixtures");

interface Mail {
  from: string;
  to: string[];
  raw: string;
}
const mails: Mail[] = [];
let refuse = false;
/** An address the server refuses while it accepts the others. */
const BOUNCING = "closed-mailbox@example.com";
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (refuse || address.address === BOUNCING) {
      const error = new Error("mailbox unavailable") as Error & { responseCode: number };
      error.responseCode = 550;
      callback(error);
    } else callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      mails.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((r) => r.address),
        // unfolded: a long header continues on lines that start with a space
        raw: Buffer.concat(chunks)
          .toString("utf8")
          .replace(/\r\n[ \t]+/g, " "),
      });
      callback();
    });
  },
});
const header = (mail: Mail, name: string) => new RegExp(`^${name}: (.*)$`, "im").exec(mail.raw)?.[1];

let conn: Awaited<ReturnType<typeof getConnection>>;
let smtpPort = 0;
function smtpOn() {
  process.env.DTS_SMTP_HOST = "127.0.0.1";
  process.env.DTS_SMTP_PORT = String(smtpPort);
  process.env.DTS_SMTP_TLS = "none";
  process.env.DTS_SMTP_FROM = "DTS Console <dts-alerts@example.com>";
}

before(async () => {
  conn = await getConnection();
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
after(async () => {
  await new Promise<void>((resolve) => smtp.close(resolve));
  await conn.close();
});

const errorOf = (settings: ReturnType<typeof smtpSettings>) => (settings && "error" in settings ? settings.error : "");

describe("SMTP settings", () => {
  it("are off without a host, and say what is wrong with a bad one", () => {
    assert.equal(smtpSettings({}), null);
    assert.deepEqual(smtpSettings({ DTS_SMTP_HOST: "mail.example.com", DTS_SMTP_FROM: "a@example.com" }), {
      host: "mail.example.com",
      port: 587,
      tls: "starttls",
      from: "a@example.com",
      user: undefined,
      password: undefined,
    });
    const tls = smtpSettings({
      DTS_SMTP_HOST: "m",
      DTS_SMTP_PORT: "465",
      DTS_SMTP_FROM: "a@example.com",
      DTS_SMTP_USER: "u",
      DTS_SMTP_PASSWORD: "p",
    });
    assert.deepEqual(tls && !("error" in tls) && [tls.port, tls.tls, tls.user, tls.password], [465, "tls", "u", "p"]);
    assert.match(errorOf(smtpSettings({ DTS_SMTP_HOST: "m" })), /DTS_SMTP_FROM/);
    assert.match(errorOf(smtpSettings({ DTS_SMTP_HOST: "m", DTS_SMTP_FROM: "a@b.c", DTS_SMTP_TLS: "ssl" })), /DTS_SMTP_TLS/);
    assert.match(errorOf(smtpSettings({ DTS_SMTP_HOST: "m", DTS_SMTP_FROM: "a@b.c", DTS_SMTP_PORT: "70000" })), /PORT/);
    assert.match(errorOf(smtpSettings({ DTS_SMTP_HOST: "m", DTS_SMTP_FROM: "a@b.c\r\nBcc: x@y.z" })), /FROM/);
  });

  it("parse recipients as typed, without repeats, at most 10", () => {
    assert.deepEqual(parseRecipients(" ops@example.com; dba@example.com,\nops@example.com "), ["ops@example.com", "dba@example.com"]);
    for (const bad of ["ops", "ops@example", "a@b.c, <x@y.z>", 'a"b@c.d', "@example.com"])
      assert.equal(parseRecipients(bad), "invalid", bad);
    assert.equal(parseRecipients(" , "), "none");
    assert.equal(parseRecipients(Array.from({ length: 11 }, (_, i) => `u${i}@example.com`).join(",")), "count");
  });
});

describe("an e-mail channel", () => {
  it("is refused while the server has no SMTP settings, on the type's field", async () => {
    const r = await runAction(
      specs.createNotificationChannelSpec,
      { name: "mail", format: "email", recipients: "ops@example.com" },
      userOf("admin"),
    );
    assert.deepEqual(
      [r.ok, !r.ok && r.fieldErrors?.format],
      [false, "E-mail is off on this server: set DTS_SMTP_HOST and DTS_SMTP_FROM (see the README)."],
    );
    assert.equal(await conn.prisma.notificationChannel.count(), 0);
  });

  it("is added by admins only, with its recipients checked on their field and by the database", async () => {
    smtpOn();
    const input = { name: "on-call mail", format: "email", recipients: "ops@example.com, dba@example.com" };
    for (const role of ["viewer", "operator"] as const) {
      const r = await runAction(specs.createNotificationChannelSpec, input, userOf(role));
      assert.deepEqual([r.ok, !r.ok && r.code], [false, "Forbidden.Role"]);
    }
    for (const recipients of ["", "ops", Array.from({ length: 11 }, (_, i) => `u${i}@example.com`).join(",")]) {
      const r = await runAction(specs.createNotificationChannelSpec, { ...input, recipients }, userOf("admin"));
      assert.ok(!r.ok && r.fieldErrors?.recipients && !r.fieldErrors.url, recipients);
    }
    // A webhook still needs its URL, on the URL's field.
    const noUrl = await runAction(
      specs.createNotificationChannelSpec,
      { name: "x", format: "json", recipients: "a@b.co" },
      userOf("admin"),
    );
    assert.ok(!noUrl.ok && noUrl.fieldErrors?.url, JSON.stringify(noUrl));

    const created = await runAction(specs.createNotificationChannelSpec, input, userOf("admin"));
    assert.ok(created.ok, JSON.stringify(created));
    assert.equal(created.data.secret, null, "nothing to sign: no secret");
    const row = await conn.prisma.notificationChannel.findUniqueOrThrow({ where: { id: created.data.id } });
    assert.deepEqual([row.format, row.url, row.secretEncrypted, row.recipients], ["email", null, null, "ops@example.com,dba@example.com"]);
    assert.equal((await listChannels(userOf("admin")))[0].url, "ops@example.com, dba@example.com");
    const audit = await conn.prisma.auditLog.count({ where: { action: "createNotificationChannel", username: "admin", result: "ok" } });
    assert.equal(audit, 1);

    // The database's own rules: an e-mail channel has recipients and neither a URL nor a secret.
    const insert = (recipients: string | null, url: string | null) =>
      conn.sql.query(
        `INSERT INTO notification_channel (id, name, url, format, secret_encrypted, recipients, created_by) VALUES ($1, $1, $2, 'email', NULL, $3, 'admin')`,
        [`chdb${Math.random().toString(36).slice(2, 10)}`, url, recipients],
      );
    await assert.rejects(insert(null, null), /notification_channel_kind_check/);
    await assert.rejects(insert("ops@example.com", "http://8.8.8.8/"), /notification_channel_kind_check/);
    await assert.rejects(insert("ops@example.com dba@example.com", null), /notification_channel_recipients_check/);
    await assert.rejects(insert("<ops@example.com>", null), /notification_channel_recipients_check/);
    await assert.rejects(
      insert(Array.from({ length: 11 }, (_, i) => `u${i}@example.com`).join(","), null),
      /notification_channel_recipients_check/,
    );
  });

  it("gets a test, an alert's firing and its resolving once each, through a real SMTP server", async () => {
    smtpOn();
    const channel = await conn.prisma.notificationChannel.findFirstOrThrow({ where: { format: "email" } });
    mails.length = 0;
    const tested = await runAction(specs.testNotificationChannelSpec, { channelId: channel.id }, userOf("admin"));
    assert.deepEqual(tested, { ok: true, data: { delivered: true, httpStatus: null, error: null } });
    assert.equal(mails.length, 1);
    assert.equal(header(mails[0], "X-DTS-Event"), "test");

    const instanceId = await addInstance(conn);
    await configure(conn, instanceId, { delay: 30 });
    const groupId = await addConnectedGroup(conn, instanceId, 120);
    mails.length = 0;
    assert.deepEqual(await evaluateAlerts(conn.prisma), { fired: 1, resolved: 0 });
    assert.deepEqual(await evaluateAlerts(conn.prisma), { fired: 0, resolved: 0 });
    assert.deepEqual(await deliverDue(conn.prisma), { sent: 1, failed: 0 });
    assert.deepEqual(await deliverDue(conn.prisma), { sent: 0, failed: 0 });
    assert.equal(mails.length, 1, "one mail for one firing");
    const [firing] = mails;
    assert.equal(firing.from, "dts-alerts@example.com");
    assert.deepEqual(firing.to, ["ops@example.com", "dba@example.com"]);
    assert.match(header(firing, "Subject") ?? "", /^\[FIRING\] DTS alert: consumer group .* is 120 s behind \(threshold 30 s\)$/);
    assert.match(firing.raw, new RegExp(`Consumer group: .*\\(${groupId}\\)`));
    assert.equal(header(firing, "X-DTS-Event"), "firing");

    await setDelay(conn, groupId, 10);
    assert.deepEqual(await evaluateAlerts(conn.prisma), { fired: 0, resolved: 1 });
    await deliverDue(conn.prisma);
    assert.equal(mails.length, 2);
    assert.match(header(mails[1], "Subject") ?? "", /^\[RESOLVED\] /);
    // Kept: one alert, fired and resolved, and both in the audit log by `system`.
    const events = await conn.prisma.alertEvent.findMany({ where: { instanceId } });
    assert.deepEqual(
      events.map((e) => [e.groupId, e.rule, e.resolvedAt !== null]),
      [[groupId, "delay", true]],
    );
    const audit = await conn.prisma.auditLog.findMany({
      where: { instanceId, action: { in: ["alertFired", "alertResolved"] } },
      orderBy: { id: "asc" },
    });
    assert.deepEqual(
      audit.map((a) => [a.action, a.username]),
      [
        ["alertFired", "system"],
        ["alertResolved", "system"],
      ],
    );
    assert.equal((await listChannels(userOf("admin"))).find((c) => c.id === channel.id)?.state, "ok");
  });

  it("is retried when the SMTP server refuses the mail, and shown failing", async () => {
    smtpOn();
    const channel = await conn.prisma.notificationChannel.findFirstOrThrow({ where: { format: "email" } });
    refuse = true;
    try {
      const instanceId = await addInstance(conn);
      await configure(conn, instanceId, { delay: 30 });
      await addConnectedGroup(conn, instanceId, 90);
      assert.equal((await evaluateAlerts(conn.prisma))?.fired, 1);
      for (let attempt = 1; attempt <= FAILING_AFTER; attempt += 1) {
        assert.deepEqual(await deliverDue(conn.prisma), { sent: 0, failed: 1 }, `attempt ${attempt}`);
        // due again now, not after the backoff
        await conn.sql.query(
          `UPDATE notification_delivery SET next_attempt_at = now() AT TIME ZONE 'UTC' - interval '1 second' WHERE status = 'pending'`,
        );
      }
      const delivery = await conn.prisma.notificationDelivery.findFirstOrThrow({
        where: { channelId: channel.id },
        orderBy: { id: "desc" },
      });
      assert.deepEqual([delivery.status, delivery.attempts], ["pending", FAILING_AFTER]);
      assert.match(delivery.lastError ?? "", /550|mailbox unavailable|recipients/);
      const listed = (await listChannels(userOf("admin"))).find((c) => c.id === channel.id);
      assert.deepEqual([listed?.state, listed?.consecutiveFailures], ["failing", FAILING_AFTER]);
    } finally {
      refuse = false;
    }
  });

  it("counts a message some recipients got as sent (a retry would send it to them again), naming the refused", async () => {
    smtpOn();
    const created = await runAction(
      specs.createNotificationChannelSpec,
      { name: "mixed mail", format: "email", recipients: `ops@example.com, ${BOUNCING}` },
      userOf("admin"),
    );
    assert.ok(created.ok, JSON.stringify(created));
    mails.length = 0;
    const tested = await runAction(specs.testNotificationChannelSpec, { channelId: created.data.id }, userOf("admin"));
    assert.deepEqual(tested, { ok: true, data: { delivered: true, httpStatus: null, error: "refused for 1 of 2 recipients" } });
    assert.deepEqual(
      mails.map((m) => m.to),
      [["ops@example.com"]],
    );
    await conn.prisma.notificationChannel.delete({ where: { id: created.data.id } });
  });

  it("reads as a message: the alert's facts in plain text", () => {
    const { subject, text } = emailMessage({
      transition: "resolved",
      deliveryId: "7-abc",
      sentAt: "2026-12-04T00:00:00.000Z",
      alert: {
        id: "7",
        rule: "status",
        regionId: "cn-hangzhou",
        instanceId: "dtsabc",
        instanceName: "orders",
        groupId: null,
        groupName: null,
        value: 0,
        threshold: 0,
        status: "Abnormal",
        firedAt: "2026-12-03T23:00:00.000Z",
        resolvedAt: "2026-12-04T00:00:00.000Z",
      },
    });
    assert.equal(subject, "[RESOLVED] DTS alert: instance dtsabc (orders) is Abnormal");
    assert.match(text, /Status: Abnormal\nFired at: 2026-12-03T23:00:00.000Z\nResolved at: 2026-12-04T00:00:00.000Z/);
    assert.doesNotMatch(text, /Consumer group/);
  });
});
