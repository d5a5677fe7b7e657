import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { userOf, type Role } from "../helpers/users";

process.env.DTS_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;

const { getConnection } = await import("../../lib/db");
const { runAction } = await import("../../lib/actions/run-action");
const specs = await import("../../lib/actions/consumer-group-specs");
const { SEED_IDS, SEED_GROUP_PASSWORD } = await import("../../lib/demo");
const { connectConsumer, heartbeatConsumer, LEASE_TTL_MS } = await import("../../lib/consumer/lease");
const { generatePassword, resetPasswordFormSchema } = await import("../../lib/validation/consumer-group");
const { localize } = await import("../../i18n/translate");
const { consumerRoute } = await import("../../lib/consumer/route");
const { connectRequestSchema } = await import("../../lib/validation/consumer");

let conn: Awaited<ReturnType<typeof getConnection>>;
let seq = 0;

/** A fresh group on the empty seeded instance, created as admin. */
async function newGroup(password = "Start#123") {
  const r = await runAction(
    specs.createConsumerGroupSpec,
    {
      instanceId: SEED_IDS.empty,
      name: `life-${++seq}`,
      account: `acct${seq}`,
      password,
      confirmPassword: password,
    },
    userOf("admin"),
  );
  assert.ok(r.ok, JSON.stringify(r));
  return { id: r.data.id, user: `acct${seq}-${r.data.id}`, password };
}

before(async () => {
  conn = await getConnection();
});
after(async () => {
  await conn.close();
});

describe("role-by-action matrix (direct calls, no UI)", () => {
  const expected: Record<string, Record<Role, boolean>> = {
    createConsumerGroup: { viewer: false, operator: true, admin: true },
    changeConsumerGroupPassword: { viewer: false, operator: true, admin: true },
    resetConsumerGroupPassword: { viewer: false, operator: false, admin: true },
    deleteConsumerGroup: { viewer: false, operator: false, admin: true },
  };
  for (const role of ["viewer", "operator", "admin"] as Role[]) {
    it(role, async () => {
      const g = await newGroup();
      const inputs = {
        createConsumerGroup: [
          specs.createConsumerGroupSpec,
          { instanceId: SEED_IDS.empty, name: `m-${role}-${++seq}`, account: "m", password: "Matrix#1", confirmPassword: "Matrix#1" },
        ],
        changeConsumerGroupPassword: [
          specs.changeConsumerGroupPasswordSpec,
          { groupId: g.id, oldPassword: g.password, newPassword: "Changed#1", confirmPassword: "Changed#1" },
        ],
        resetConsumerGroupPassword: [
          specs.resetConsumerGroupPasswordSpec,
          { groupId: g.id, newPassword: "Reset#123", confirmPassword: "Reset#123" },
        ],
        deleteConsumerGroup: [specs.deleteConsumerGroupSpec, { groupId: g.id }],
      } as const;
      for (const [name, [spec, input]] of Object.entries(inputs)) {
        // Each spec takes its own input type and this loop feeds them all: runAction parses the input anyway.
        const r = await runAction(spec as Parameters<typeof runAction>[0], input, userOf(role), "203.0.113.9");
        if (expected[name][role]) assert.equal(r.ok, true, `${role} ${name}: ${JSON.stringify(r)}`);
        else assert.equal(!r.ok && r.code, "Forbidden.Role", `${role} ${name}`);
        const last = await conn.prisma.auditLog.findFirst({ where: { action: name, username: role }, orderBy: { id: "desc" } });
        assert.ok(last, `${name} by ${role} is audited`);
        assert.equal(last.result, expected[name][role] ? "ok" : "refused");
        assert.equal(last.errorCode, expected[name][role] ? null : "Forbidden.Role");
        assert.equal(last.clientIp, "203.0.113.9");
      }
    });
  }
});

describe("change, reset, delete", () => {
  it("refuses a wrong old password on the oldPassword field", async () => {
    const g = await newGroup();
    const r = await runAction(
      specs.changeConsumerGroupPasswordSpec,
      { groupId: g.id, oldPassword: "Wrong#123", newPassword: "Next#1234", confirmPassword: "Next#1234" },
      userOf("operator"),
    );
    assert.equal(!r.ok && r.code, "InvalidParameter.Password");
    assert.match((!r.ok && r.fieldErrors?.oldPassword) || "", /incorrect/);
  });

  it("throttles guessing the old password", async () => {
    const g = await newGroup();
    const attempt = (old: string) =>
      runAction(
        specs.changeConsumerGroupPasswordSpec,
        { groupId: g.id, oldPassword: old, newPassword: "Next#1234", confirmPassword: "Next#1234" },
        userOf("operator"),
      );
    for (let i = 0; i < 5; i++) assert.equal(((r) => !r.ok && r.code)(await attempt(`Guess#${i}xx`)), "InvalidParameter.Password");
    const blocked = await attempt(g.password);
    assert.equal(!blocked.ok && blocked.code, "Throttling.User");
  });

  it("records the target and never a password or hash in the audit log", async () => {
    const g = await newGroup("Audit#Pass1");
    await runAction(
      specs.resetConsumerGroupPasswordSpec,
      { groupId: g.id, newPassword: "Audit#Pass2", confirmPassword: "Audit#Pass2" },
      userOf("admin"),
    );
    const rows = await conn.sql.query<Record<string, unknown>>(`SELECT * FROM audit_log WHERE group_id = $1`, [g.id]);
    assert.ok(
      rows.rows.some((r) => r.action === "resetConsumerGroupPassword" && r.region_id === "cn-hangzhou" && r.instance_id === SEED_IDS.empty),
    );
    const all = JSON.stringify((await conn.sql.query(`SELECT * FROM audit_log`)).rows);
    assert.doesNotMatch(all, /Audit#Pass|argon2/);
  });

  it("delete frees the quota and the audit log stays append-only", async () => {
    const g = await newGroup();
    const before = (await conn.prisma.instance.findUnique({ where: { id: SEED_IDS.empty } }))!.consumerGroupCount;
    const r = await runAction(specs.deleteConsumerGroupSpec, { groupId: g.id }, userOf("admin"));
    assert.ok(r.ok);
    assert.equal((await conn.prisma.instance.findUnique({ where: { id: SEED_IDS.empty } }))!.consumerGroupCount, before - 1);
    const again = await runAction(specs.deleteConsumerGroupSpec, { groupId: g.id }, userOf("admin"));
    assert.equal(!again.ok && again.code, "NotFound");
    await assert.rejects(conn.sql.query(`DELETE FROM audit_log`), /append-only/);
    await assert.rejects(conn.sql.query(`UPDATE audit_log SET username = 'x'`), /append-only/);
  });

  it("generated passwords pass the rule", () => {
    for (let i = 0; i < 200; i++) {
      const pw = generatePassword();
      assert.equal(resetPasswordFormSchema.safeParse({ newPassword: pw, confirmPassword: pw }).success, true, pw);
    }
  });
});

describe("consumer credential check", () => {
  /** The answer as the route sends it: status, body, Retry-After. */
  const check = async (user: string, password: string, ip = "198.51.100.1", now?: Date) => {
    const a = await connectConsumer(conn.prisma, { user, password }, { clientIp: ip, now });
    return a.ok
      ? { status: 200 as const, body: a.data }
      : {
          status: a.refusal.status,
          body: { code: a.refusal.code, message: localize("en", a.refusal.message, a.refusal.values) },
          retryAfter: a.refusal.retryAfter,
        };
  };
  const beat = async (input: { groupId: string; leaseToken: string; checkpoint?: Date; unconsumed?: number }) => {
    const a = await heartbeatConsumer(conn.prisma, input, { clientIp: "198.51.100.1" });
    return { status: a.ok ? 200 : a.refusal.status };
  };

  it("answers a wrong password and an unknown user alike", async () => {
    const g = await newGroup();
    const wrong = await check(g.user, "Nope#1234", "198.51.100.10");
    const unknown = await check("ghost-dtsnosuchgroup1", "Nope#1234", "198.51.100.10");
    const malformed = await check("no dash here", "x", "198.51.100.10");
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.body, { code: "Unauthorized", message: "Invalid user name or password." });
    assert.deepEqual(wrong.body, unknown.body);
    assert.deepEqual(wrong.body, malformed.body);
  });

  it("opens one lease; a second client gets 409 until it expires", async () => {
    const g = await newGroup();
    const first = await check(g.user, g.password);
    assert.equal(first.status, 200);
    assert.ok(first.status === 200 && first.body.groupId === g.id && first.body.topic);
    const second = await check(g.user, g.password);
    assert.equal(second.status, 409);
    const later = new Date(Date.now() + LEASE_TTL_MS + 1000);
    assert.equal((await check(g.user, g.password, "198.51.100.1", later)).status, 200);
  });

  it("heartbeats carry the checkpoint into the table's metrics", async () => {
    const g = await newGroup();
    const c = await check(g.user, g.password);
    assert.ok(c.status === 200);
    const checkpoint = new Date(Date.now() - 4000);
    const hb = await beat({ groupId: g.id, leaseToken: c.body.leaseToken, checkpoint, unconsumed: 42 });
    assert.equal(hb.status, 200);
    const row = await conn.prisma.consumerGroup.findUnique({ where: { id: g.id } });
    assert.equal(row!.unconsumedRecords, 42);
    assert.ok(row!.messageDelaySeconds! >= 3 && row!.messageDelaySeconds! <= 6);
    const bad = await beat({ groupId: g.id, leaseToken: "forgedforgedforged" });
    assert.equal(bad.status, 410);
  });

  it("after a reset the old password fails, the new one works, and the live lease ends", async () => {
    const g = await newGroup("Before#123");
    const c = await check(g.user, "Before#123");
    assert.ok(c.status === 200);
    const r = await runAction(
      specs.resetConsumerGroupPasswordSpec,
      { groupId: g.id, newPassword: "After#1234", confirmPassword: "After#1234" },
      userOf("admin"),
    );
    assert.ok(r.ok);
    assert.equal((await beat({ groupId: g.id, leaseToken: c.body.leaseToken })).status, 410);
    assert.equal((await check(g.user, "Before#123", "198.51.100.2")).status, 401);
    assert.equal((await check(g.user, "After#1234", "198.51.100.2")).status, 200);
  });

  it("after a change the old password fails and the new one works", async () => {
    const g = await newGroup("Old#12345");
    const r = await runAction(
      specs.changeConsumerGroupPasswordSpec,
      { groupId: g.id, oldPassword: "Old#12345", newPassword: "New#12345", confirmPassword: "New#12345" },
      userOf("operator"),
    );
    assert.ok(r.ok);
    assert.equal((await check(g.user, "Old#12345", "198.51.100.3")).status, 401);
    assert.equal((await check(g.user, "New#12345", "198.51.100.3")).status, 200);
  });

  it("throttles repeated failures from one client, even with the right password, and only that client", async () => {
    const g = await newGroup();
    const ip = "198.51.100.99";
    for (let i = 0; i < 10; i++) assert.equal((await check(g.user, `Bad#${i}xxxx`, ip)).status, 401);
    const blocked = await check(g.user, g.password, ip);
    assert.equal(blocked.status, 429);
    assert.ok(blocked.retryAfter! > 0);
    // The same user from a client that has not failed gets in: others' failures hand out no lockout.
    assert.equal((await check(g.user, g.password, "198.51.100.100")).status, 200);
  });

  it("seeded groups accept the documented demo password", async () => {
    const g = await conn.prisma.consumerGroup.findFirst({ where: { instanceId: SEED_IDS.nineteen, lease: null } });
    assert.ok(g);
    assert.equal((await check(`${g.account}-${g.id}`, SEED_GROUP_PASSWORD, "198.51.100.4")).status, 200);
  });
});

describe("the consumer endpoints' language", () => {
  const connect = consumerRoute(connectRequestSchema, connectConsumer);
  const post = (body: string, headers: Record<string, string> = {}) =>
    connect(
      new Request("http://console.invalid/api/consumer/connect", {
        method: "POST",
        body,
        headers: { "content-type": "application/json", ...headers },
      }),
    );

  it("answers in English unless the client asks for Chinese, with the same code", async () => {
    const en = await post(JSON.stringify({ user: "x".repeat(65) }));
    assert.equal(en.status, 400);
    assert.deepEqual(await en.json(), {
      code: "InvalidParameter",
      message: "user is at most 64 characters.",
      fieldErrors: { user: "user is at most 64 characters.", password: "password is required and must be a string." },
    });
    const zh = await post(JSON.stringify({ user: "x".repeat(65) }), { "accept-language": "zh-CN" });
    assert.deepEqual(await zh.json(), {
      code: "InvalidParameter",
      message: "user 最多 64 个字符。",
      fieldErrors: { user: "user 最多 64 个字符。", password: "password 为必填项，且必须是字符串。" },
    });
    const notJson = await post("{", { "accept-language": "zh-CN" });
    assert.deepEqual(await notJson.json(), { code: "InvalidParameter", message: "请求体不是有效的 JSON。" });
  });

  it("words the handler's refusal too", async () => {
    const g = await newGroup();
    const res = await post(JSON.stringify({ user: g.user, password: "Nope#1234" }), {
      "accept-language": "zh",
      "x-dts-peer": "198.51.100.77",
    });
    assert.equal(res.status, 401);
    assert.deepEqual(await res.json(), { code: "Unauthorized", message: "用户名或密码错误。" });
  });
});
