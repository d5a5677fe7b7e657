import assert from "node:assert/strict";
import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { userOf } from "../helpers/users";

// Notification channels (docs/rules.md "Alert delivery"): admins only, the URL checked at save,
// the secret made by the server, encrypted at rest and returned once, a test message delivered to
// a real local receiver, and the history read.
process.env.DTS_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;
process.env.DTS_SECRET_KEY = randomBytes(32).toString("base64");
process.env.DTS_WEBHOOK_ALLOW_PRIVATE = "0";

const { getConnection } = await import("../../lib/db");
const { runAction } = await import("../../lib/actions/run-action");
const specs = await import("../../lib/actions/notification-channel-specs");
const { listAlertEvents, listChannels, maskedUrl } = await import("../../lib/data/alerts");
const { SEED_IDS } = await import("../../lib/demo");

let conn: Awaited<ReturnType<typeof getConnection>>;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    res.writeHead(200).end("ok");
  });
});
let receiverUrl = "";

before(async () => {
  conn = await getConnection();
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/dts/hook/abcdef`;
});
after(async () => {
  receiver.close();
  await conn.close();
});

describe("notification channels", () => {
  it("are added by admins only; a private URL is refused on its field unless allowed", async () => {
    for (const role of ["viewer", "operator"] as const) {
      const r = await runAction(specs.createNotificationChannelSpec, { name: "x", url: "http://8.8.8.8/x", format: "json" }, userOf(role));
      assert.deepEqual([r.ok, !r.ok && r.code], [false, "Forbidden.Role"]);
    }
    for (const url of [receiverUrl, "http://169.254.169.254/latest/meta-data", "http://[::ffff:127.0.0.1]/x", "http://100.100.100.200/x"]) {
      const r = await runAction(specs.createNotificationChannelSpec, { name: "private", url, format: "json" }, userOf("admin"));
      assert.equal(r.ok, false, url);
      assert.match((!r.ok && r.fieldErrors?.url) || "", /private, loopback, link-local or reserved/, url);
    }
    for (const [input, field] of [
      [{ name: "", url: "http://8.8.8.8/", format: "json" }, "name"],
      [{ name: "a", url: "ftp://8.8.8.8/", format: "json" }, "url"],
      [{ name: "a", url: "http://u:p@8.8.8.8/", format: "json" }, "url"],
      [{ name: "a", url: "http://8.8.8.8/", format: "xml" }, "format"],
    ] as const) {
      const r = await runAction(specs.createNotificationChannelSpec, input, userOf("admin"));
      assert.ok(!r.ok && r.fieldErrors?.[field], JSON.stringify(input));
    }
    assert.equal(await conn.prisma.notificationChannel.count(), 0);
  });

  it("keep the secret encrypted, return it once, and deliver a signed test message", async () => {
    process.env.DTS_WEBHOOK_ALLOW_PRIVATE = "1";
    try {
      const created = await runAction(
        specs.createNotificationChannelSpec,
        { name: " ops hook ", url: receiverUrl, format: "json" },
        userOf("admin"),
      );
      assert.ok(created.ok, JSON.stringify(created));
      const { id, name } = created.data;
      const secret = created.data.secret ?? assert.fail("a webhook has a secret");
      assert.equal(name, "ops hook");
      assert.match(secret, /^whsec_[A-Za-z0-9]{32}$/);
      const row = await conn.prisma.notificationChannel.findUniqueOrThrow({ where: { id } });
      assert.ok(row.secretEncrypted && !row.secretEncrypted.includes(secret), "not stored as it is");
      const listed = await listChannels(userOf("admin"));
      assert.ok(!JSON.stringify(listed).includes(secret), "never read back");
      assert.equal(listed[0].url, maskedUrl(receiverUrl));
      assert.ok(!listed[0].url.includes("/dts/hook/"), "the URL's path is not shown whole");
      const duplicate = await runAction(
        specs.createNotificationChannelSpec,
        { name: "ops hook", url: receiverUrl, format: "slack" },
        userOf("admin"),
      );
      assert.deepEqual(
        [duplicate.ok, !duplicate.ok && duplicate.fieldErrors?.name],
        [false, "A channel of this name exists already: choose another name."],
      );

      received.length = 0;
      const tested = await runAction(specs.testNotificationChannelSpec, { channelId: id }, userOf("admin"));
      assert.deepEqual(tested, { ok: true, data: { delivered: true, httpStatus: 200, error: null } });
      assert.equal(received.length, 1);
      const [t, v1] = String(received[0].headers["x-dts-signature"]).replace("t=", "").split(",v1=");
      assert.equal(createHmac("sha256", secret).update(`${t}.${received[0].body}`).digest("hex"), v1);
      assert.equal((JSON.parse(received[0].body) as { event: string }).event, "test");
      assert.equal((await listChannels(userOf("admin")))[0].state, "ok");
      await assert.rejects(listChannels(userOf("operator")), /may not alerts.manageChannels/);

      const audit = await conn.prisma.auditLog.findMany({
        where: { action: { in: ["createNotificationChannel", "testNotificationChannel", "deleteNotificationChannel"] }, result: "ok" },
        orderBy: { id: "asc" },
      });
      assert.deepEqual(
        audit.map((a) => a.action),
        ["createNotificationChannel", "testNotificationChannel"],
      );
      const deleted = await runAction(specs.deleteNotificationChannelSpec, { channelId: id }, userOf("admin"));
      assert.ok(deleted.ok);
      const again = await runAction(specs.deleteNotificationChannelSpec, { channelId: id }, userOf("admin"));
      assert.deepEqual([again.ok, !again.ok && again.code], [false, "NotFound"]);
    } finally {
      process.env.DTS_WEBHOOK_ALLOW_PRIVATE = "0";
    }
  });
});

describe("the alert history", () => {
  it("lists alerts newest first, of all instances or one, for every role", async () => {
    const group = await conn.prisma.consumerGroup.findFirstOrThrow({
      where: { instanceId: SEED_IDS.normal },
      select: { id: true, name: true },
    });
    await conn.prisma.alertEvent.create({
      data: {
        instanceId: SEED_IDS.normal,
        groupId: group.id,
        rule: "delay",
        value: 90,
        threshold: 30,
        firedAt: new Date(Date.now() - 60_000),
      },
    });
    await conn.prisma.alertEvent.create({
      data: { instanceId: SEED_IDS.abnormal, rule: "status", value: 0, threshold: 0, detail: "Abnormal" },
    });
    const all = await listAlertEvents(userOf("viewer"), { page: 1 });
    assert.deepEqual(
      all.rows.map((r) => [r.instanceId, r.rule, r.groupName]),
      [
        [SEED_IDS.abnormal, "status", null],
        [SEED_IDS.normal, "delay", group.name],
      ],
    );
    const one = await listAlertEvents(userOf("viewer"), { instanceId: SEED_IDS.normal, page: 1 });
    assert.deepEqual([one.total, one.rows[0].value, one.rows[0].threshold], [1, 90, 30]);
  });
});
