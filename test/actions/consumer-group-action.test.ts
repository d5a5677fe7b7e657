import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

// The action runs on its own in-memory database, seeded like a fresh console.
process.env.DTS_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;

const { getConnection } = await import("../../lib/db");
const { runAction } = await import("../../lib/actions/run-action");
const { createConsumerGroupSpec } = await import("../../lib/actions/consumer-group-specs");
const { SEED_IDS } = await import("../../lib/demo");

const users = {
  admin: { id: "u-admin", username: "admin", role: "admin" as const },
  operator: { id: "u-operator", username: "operator", role: "operator" as const },
  viewer: { id: "u-viewer", username: "viewer", role: "viewer" as const },
};

const input = (over: Record<string, unknown> = {}) => ({
  instanceId: SEED_IDS.empty,
  name: `group-${Math.random().toString(36).slice(2, 8)}`,
  account: "reader_1",
  password: "Secret#123",
  confirmPassword: "Secret#123",
  ...over,
});

const create = (raw: unknown, user: (typeof users)[keyof typeof users] | null = users.operator) =>
  runAction(createConsumerGroupSpec, raw, user);

before(async () => {
  await getConnection();
});
after(async () => {
  await (await getConnection()).close();
});

describe("createConsumerGroup action", () => {
  it("refuses a visitor without a session", async () => {
    const r = await create(input(), null);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.code, "Unauthorized");
  });

  it("refuses a viewer with Forbidden.Role, before reading the input", async () => {
    const r = await create({ nonsense: true }, users.viewer);
    assert.deepEqual(r.ok ? null : r.code, "Forbidden.Role");
  });

  it("lets an operator and an admin create, returning no secret", async () => {
    for (const user of [users.operator, users.admin]) {
      const r = await create(input(), user);
      assert.ok(r.ok, JSON.stringify(r));
      assert.match(r.data.id, /^dts[a-z0-9]{11}$/);
      assert.deepEqual(Object.keys(r.data).sort(), ["id", "name"]);
    }
    const { prisma } = await getConnection();
    const stored = await prisma.consumerGroup.findFirst({ where: { instanceId: SEED_IDS.empty }, omit: { passwordHash: false } });
    assert.match(stored!.passwordHash, /^\$argon2id\$/);
    assert.ok(!stored!.passwordHash.includes("Secret#123"));
  });

  it("maps invalid input to the documented error codes with field errors", async () => {
    const account = await create(input({ account: "bad-name" }));
    assert.equal(!account.ok && account.code, "InvalidParameter.UserName");
    assert.ok(!account.ok && account.fieldErrors?.account);

    const password = await create(input({ password: "onlylower", confirmPassword: "onlylower" }));
    assert.equal(!password.ok && password.code, "InvalidParameter.Password");
    assert.ok(!password.ok && password.fieldErrors?.password);

    const confirm = await create(input({ confirmPassword: "Other#123" }));
    assert.equal(!confirm.ok && confirm.code, "InvalidParameter.Password");
    assert.match((!confirm.ok && confirm.fieldErrors?.confirmPassword) || "", /do not match/);

    const garbage = await create("not an object");
    assert.equal(!garbage.ok && garbage.code, "InvalidParameter");
  });

  it("maps a duplicate name to ConsumerGroup.AlreadyExists on the name field", async () => {
    const first = await create(input({ name: "dup-name" }));
    assert.ok(first.ok);
    const again = await create(input({ name: "dup-name" }));
    assert.equal(!again.ok && again.code, "ConsumerGroup.AlreadyExists");
    assert.match((!again.ok && again.fieldErrors?.name) || "", /already exists/);
  });

  it("maps the quota to QuotaExceeded.ConsumerGroup", async () => {
    const r = await create(input({ instanceId: SEED_IDS.full }));
    assert.equal(!r.ok && r.code, "QuotaExceeded.ConsumerGroup");
  });

  it("maps an instance that is not Normal to OperationDenied.InstanceStatus", async () => {
    const r = await create(input({ instanceId: SEED_IDS.abnormal }));
    assert.equal(!r.ok && r.code, "OperationDenied.InstanceStatus");
  });

  it("answers NotFound for an unknown instance", async () => {
    const r = await create(input({ instanceId: "dtsnosuchthing1" }));
    assert.equal(!r.ok && r.code, "NotFound");
  });

  it("keeps the 19-group instance at 20 when 10 creates race", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => create(input({ instanceId: SEED_IDS.nineteen, name: `race-${i}` }))),
    );
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.ok(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "QuotaExceeded.ConsumerGroup"));
  });
});

describe('the refusal\'s language (docs/rules.md "Languages")', () => {
  const inChinese = (raw: unknown, user: (typeof users)[keyof typeof users] | null = users.operator) =>
    runAction(createConsumerGroupSpec, raw, user, null, { channel: "console", locale: "zh-CN" });

  it("words the message and each field error in the caller's locale, with the same code", async () => {
    const raw = input({ account: "bad-name", password: "short", confirmPassword: "short" });
    const en = await create(raw);
    const zh = await inChinese(raw);
    assert.ok(!en.ok && !zh.ok);
    assert.equal(zh.code, en.code);
    assert.equal(en.message, "Check the highlighted fields.");
    assert.equal(zh.message, "请检查标红的字段。");
    assert.equal(en.fieldErrors?.account, "The account can contain only letters, digits and underscores (_).");
    assert.equal(zh.fieldErrors?.account, "账号只能包含字母、数字和下划线（_）。");
    assert.equal(en.fieldErrors?.password, "The password must be at least 8 characters long.");
    assert.equal(zh.fieldErrors?.password, "密码至少 8 个字符。");
    assert.ok(!("values" in zh), "the values stay inside");
  });

  it("words the rules' figures and the database's refusals too", async () => {
    const full = await inChinese(input({ instanceId: SEED_IDS.full }));
    assert.equal(!full.ok && full.code, "QuotaExceeded.ConsumerGroup");
    assert.match((!full.ok && full.message) || "", /该实例已有 20 个消费组/);
    const role = await inChinese(input(), users.viewer);
    assert.equal(!role.ok && role.code, "Forbidden.Role");
    assert.equal(!role.ok && role.message, "您的角色（只读用户）无权执行此操作。");
  });
});
