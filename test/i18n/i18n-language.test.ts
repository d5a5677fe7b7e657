import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Role } from "../helpers/users";

// docs/rules.md "Languages": the language switch as an action (any role, for itself, audited), the
// database's list of languages, refusals worded in the caller's language with the same code, and
// numbers and durations in the locale. In-memory PGlite with the real migrations and the demo seed.
process.env.DTS_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;

const { getConnection } = await import("../../lib/db");
const { runAction } = await import("../../lib/actions/run-action");
const { changeLanguageSpec } = await import("../../lib/actions/preferences-specs");
const { createConsumerGroupSpec } = await import("../../lib/actions/consumer-group-specs");
const { resolveSessionUser } = await import("../../lib/auth/session");
const { SEED_IDS } = await import("../../lib/demo");
const { formatDuration, formatMetric, lagLevel } = await import("../../lib/format");
const { CONSUMER_GROUP_QUOTA } = await import("../../lib/validation/consumer-group");

let conn: Awaited<ReturnType<typeof getConnection>>;
let ids: Map<string, string>;
const demo = (role: Role) => ({ id: ids.get(role)!, username: role, role });

before(async () => {
  conn = await getConnection();
  ids = new Map((await conn.prisma.user.findMany({ select: { id: true, username: true } })).map((u) => [u.username, u.id]));
});
after(async () => {
  await conn.close();
});

describe("the language switch", () => {
  it("every role sets its own language; it is audited, kept on the user and read with the session", async () => {
    for (const role of ["viewer", "operator", "admin"] as Role[]) {
      const r = await runAction(changeLanguageSpec, { locale: "zh-CN" }, demo(role));
      assert.ok(r.ok, JSON.stringify(r));
      const user = await conn.prisma.user.findUnique({ where: { username: role }, select: { locale: true, sessionVersion: true } });
      assert.equal(user?.locale, "zh-CN");
      assert.ok(await conn.prisma.auditLog.findFirst({ where: { username: role, action: "changeLanguage", result: "ok" } }));
      // The session statement every request runs carries it: no extra query decides the language.
      const session = await resolveSessionUser(conn.prisma, { uid: ids.get(role), sid: `s-${role}`, sv: user.sessionVersion });
      assert.equal(session?.locale, "zh-CN");
      assert.ok((await runAction(changeLanguageSpec, { locale: "en" }, demo(role))).ok);
    }
  });

  it("refuses a language the console does not speak, on the server and in the database", async () => {
    for (const locale of ["fr", "zh", "ZH-cn", "", "zh-CN\u0000"]) {
      const r = await runAction(changeLanguageSpec, { locale }, demo("viewer"));
      assert.equal(!r.ok && r.code, "InvalidParameter", locale);
    }
    await assert.rejects(conn.sql.query(`UPDATE app_user SET locale = 'fr' WHERE username = 'viewer'`), /app_user_locale_check/);
    await conn.sql.query(`UPDATE app_user SET locale = NULL WHERE username = 'viewer'`);
  });

  it("a refusal has the same code in both languages, worded in the caller's", async () => {
    const input = { instanceId: SEED_IDS.normal, name: "x", account: "bad account!", password: "short", confirmPassword: "short" };
    const en = await runAction(createConsumerGroupSpec, input, demo("admin"));
    const zh = await runAction(createConsumerGroupSpec, input, demo("admin"), null, { channel: "console", locale: "zh-CN" });
    assert.ok(!en.ok && !zh.ok);
    assert.equal(en.code, zh.code);
    assert.equal(en.message, "Check the highlighted fields.");
    assert.match(zh.message, /[\u4e00-\u9fff]/);
    assert.deepEqual(Object.keys(zh.fieldErrors ?? {}).sort(), Object.keys(en.fieldErrors ?? {}).sort());
    for (const text of Object.values(zh.fieldErrors ?? {})) assert.match(text, /[\u4e00-\u9fff]/, text);
    for (const text of Object.values(en.fieldErrors ?? {})) assert.doesNotMatch(text, /[\u4e00-\u9fff]|^validation\./, text);
    assert.equal("values" in zh, false, "placeholder values are not sent");

    const viewer = await runAction(createConsumerGroupSpec, input, demo("viewer"), null, {
      channel: "console",
      locale: "zh-CN",
    });
    assert.equal(!viewer.ok && viewer.code, "Forbidden.Role");
    assert.match(!viewer.ok ? viewer.message : "", /只读用户/);
  });

  it("the quota refusal names the quota from lib/validation in either language", async () => {
    const full = await conn.prisma.instance.findFirst({ where: { consumerGroupCount: CONSUMER_GROUP_QUOTA }, select: { id: true } });
    assert.ok(full, "the demo has a full instance");
    const input = { instanceId: full.id, name: "one-more", account: "onemore", password: "Good#Pass1", confirmPassword: "Good#Pass1" };
    const zh = await runAction(createConsumerGroupSpec, input, demo("admin"), null, { channel: "console", locale: "zh-CN" });
    assert.equal(!zh.ok && zh.code, "QuotaExceeded.ConsumerGroup");
    assert.match(!zh.ok ? zh.message : "", new RegExp(`${CONSUMER_GROUP_QUOTA} 个消费组`));
  });
});

describe("numbers and durations in the locale", () => {
  it("groups digits and names units in each language", () => {
    assert.equal(formatMetric(1234567, "", "en"), "1,234,567");
    assert.equal(formatMetric(-1, "", "zh-CN"), "—");
    assert.equal(formatDuration(45, "en"), "45 sec");
    assert.equal(formatDuration(725, "en"), "12 min 5 sec");
    assert.equal(formatDuration(12_000, "en"), "3 hr 20 min");
    assert.equal(formatDuration(300, "en"), "5 min");
    assert.equal(formatDuration(3_600, "en"), "1 hr");
    assert.equal(formatDuration(59.6, "en"), "1 min");
    assert.equal(formatDuration(45, "zh-CN"), "45秒");
    assert.equal(formatDuration(725, "zh-CN"), "12分钟 5秒");
    assert.equal(formatDuration(12_000, "zh-CN"), "3小时 20分钟");
  });
});

describe('lag levels (docs/rules.md "Consumer progress")', () => {
  it("marks a delay from a minute and a backlog from 10,000, high from ten minutes and 100,000", () => {
    assert.equal(lagLevel(59, "delaySeconds"), null);
    assert.equal(lagLevel(60, "delaySeconds"), "warn");
    assert.equal(lagLevel(599, "delaySeconds"), "warn");
    assert.equal(lagLevel(600, "delaySeconds"), "high");
    assert.equal(lagLevel(9_999, "records"), null);
    assert.equal(lagLevel(10_000, "records"), "warn");
    assert.equal(lagLevel(100_000, "records"), "high");
  });
  it("marks nothing while no consumer is connected (null, or DTS's -1)", () => {
    assert.equal(lagLevel(null, "delaySeconds"), null);
    assert.equal(lagLevel(-1, "records"), null);
  });
});
