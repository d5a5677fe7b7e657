import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";

// The OpenAPI's AccessKeys and its language, on its own in-memory database seeded like a fresh
// console (demo AccessKeys too), served by a plain node:http server in this process.
process.env.DTS_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;
process.env.DTS_SECRET_KEY = randomBytes(32).toString("base64");
delete process.env.DEMO_ACCESS_KEY_SECRET;

const { getConnection } = await import("../../lib/db");
const { runAction } = await import("../../lib/actions/run-action");
const keySpecs = await import("../../lib/actions/access-key-specs");
const { SEED_IDS } = await import("../../lib/demo");
const { signedV1Query } = await import("../openapi-clients");
const { demo, listen, openApiServer, userIds, users } = await import("../helpers/openapi-http");

const { server: apiServer } = openApiServer();
let apiUrl = "";
before(async () => {
  await getConnection();
  apiUrl = await listen(apiServer);
});
after(async () => {
  apiServer.close();
  await (await getConnection()).close();
});

describe("AccessKey management", () => {
  before(userIds);

  it("holds at most two AccessKeys per user, by the database's count", async () => {
    // The viewer has the demo key: one more fits, a third does not.
    const second = await runAction(keySpecs.createAccessKeySpec, {}, users.viewer);
    assert.ok(second.ok);
    const third = await runAction(keySpecs.createAccessKeySpec, {}, users.viewer);
    assert.deepEqual(third.ok ? null : third.code, "QuotaExceeded.AccessKey");
    const { prisma } = await getConnection();
    assert.equal((await prisma.user.findUniqueOrThrow({ where: { id: users.viewer.id } })).accessKeyCount, 2);
    assert.ok((await runAction(keySpecs.deleteAccessKeySpec, { accessKeyId: second.data.accessKeyId }, users.viewer)).ok);
    assert.equal((await prisma.user.findUniqueOrThrow({ where: { id: users.viewer.id } })).accessKeyCount, 1);
  });

  it("stores the secret only encrypted and never selects it by default", async () => {
    const created = await runAction(keySpecs.createAccessKeySpec, {}, users.operator);
    assert.ok(created.ok);
    assert.match(created.data.accessKeySecret, /^[A-Za-z0-9]{30}$/);
    const { prisma, sql } = await getConnection();
    const row = await prisma.accessKey.findUniqueOrThrow({ where: { id: created.data.accessKeyId } });
    assert.equal("secretCiphertext" in row, false);
    const { rows } = await sql.query<{ secret_ciphertext: string }>(`SELECT secret_ciphertext FROM access_key WHERE id = $1`, [
      created.data.accessKeyId,
    ]);
    assert.ok(!rows[0].secret_ciphertext.includes(created.data.accessKeySecret));
    await assert.rejects(
      sql.query(`UPDATE access_key SET secret_ciphertext = $1 WHERE id = $2`, [created.data.accessKeySecret, created.data.accessKeyId]),
      /access_key_secret_ciphertext_check/,
    );
    await runAction(keySpecs.deleteAccessKeySpec, { accessKeyId: created.data.accessKeyId }, users.operator);
  });

  it("lets users manage only their own AccessKeys, and an admin anyone's; every change audited", async () => {
    const forOperator = await runAction(keySpecs.createAccessKeySpec, { userId: users.operator.id }, users.admin);
    assert.ok(forOperator.ok);
    const id = forOperator.data.accessKeyId;
    const forbidden = await runAction(keySpecs.createAccessKeySpec, { userId: users.admin.id }, users.viewer);
    assert.deepEqual(forbidden.ok ? null : forbidden.code, "Forbidden.Role");
    const notTheirs = await runAction(keySpecs.disableAccessKeySpec, { accessKeyId: id }, users.viewer);
    assert.deepEqual(notTheirs.ok ? null : notTheirs.code, "NotFound");
    assert.ok((await runAction(keySpecs.disableAccessKeySpec, { accessKeyId: id }, users.operator)).ok);
    assert.ok((await runAction(keySpecs.deleteAccessKeySpec, { accessKeyId: id }, users.admin)).ok);
    const { prisma } = await getConnection();
    const records = await prisma.auditLog.findMany({ where: { accessKeyId: id }, orderBy: { id: "asc" } });
    assert.deepEqual(
      records.map((r) => [r.action, r.username, r.result, r.channel]),
      [
        ["createAccessKey", "admin", "ok", "console"],
        ["disableAccessKey", "viewer", "refused", "console"],
        ["disableAccessKey", "operator", "ok", "console"],
        ["deleteAccessKey", "admin", "ok", "console"],
      ],
    );
  });
});

describe('the API\'s language (docs/rules.md "Languages")', () => {
  /** A signed V1 GET, sent with the Accept-Language given (none: English). */
  const ask = async (
    credentials: { accessKeyId: string; accessKeySecret: string },
    action: string,
    params: Record<string, string>,
    lang?: string,
  ) => {
    const res = await fetch(`${apiUrl}/?${signedV1Query(credentials, action, params).toString()}`, {
      headers: lang ? { "accept-language": lang } : {},
    });
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  };

  it("answers a gateway refusal in Chinese when asked, with the same code and status", async () => {
    const nobody = { accessKeyId: "LTAI0000NoSuchKey0000002", accessKeySecret: "x" };
    const en = await ask(nobody, "DescribeSubscriptionInstances", {});
    const zh = await ask(nobody, "DescribeSubscriptionInstances", {}, "zh-CN,zh;q=0.9,en;q=0.8");
    assert.deepEqual(
      [en.status, en.body.Code, en.body.Message],
      [404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."],
    );
    assert.deepEqual([zh.status, zh.body.Code, zh.body.Message], [404, "InvalidAccessKeyId.NotFound", "指定的 AccessKey 不存在。"]);
    const missing = await ask(demo("admin"), "DescribeConsumerGroup", {}, "zh-CN");
    assert.deepEqual(
      [missing.body.Code, missing.body.Message],
      ["MissingParameter", "处理该请求所必需的参数“SubscriptionInstanceId”未提供。"],
    );
  });

  it("words an operation's refusal, its field error and a role refusal in Chinese through runAction", async () => {
    const params = {
      SubscriptionInstanceId: SEED_IDS.empty,
      ConsumerGroupName: "api-zh",
      ConsumerGroupUserName: "zh_reader",
      ConsumerGroupPassword: "short",
    };
    const en = await ask(demo("operator"), "CreateConsumerGroup", params);
    const zh = await ask(demo("operator"), "CreateConsumerGroup", params, "zh-CN");
    assert.deepEqual(
      [en.status, en.body.ErrCode, en.body.ErrMessage],
      [400, "InvalidParameter.Password", "The password must be at least 8 characters long."],
    );
    assert.deepEqual(
      [zh.status, zh.body.ErrCode, zh.body.ErrMessage, zh.body.Message],
      [400, "InvalidParameter.Password", "密码至少 8 个字符。", "密码至少 8 个字符。"],
    );
    const role = await ask(demo("viewer"), "CreateConsumerGroup", { ...params, ConsumerGroupPassword: "Api#Pass01" }, "zh");
    assert.deepEqual([role.status, role.body.Code], [403, "Forbidden.RAM"]);
    assert.equal(role.body.Message, "用户无权操作指定的资源。您的角色（只读用户）无权执行此操作。");
    const gone = await ask(demo("admin"), "DescribeSubscriptionInstanceStatus", { SubscriptionInstanceId: "dtsnosuchthing1" }, "zh-CN");
    assert.deepEqual([gone.status, gone.body.ErrCode, gone.body.ErrMessage], [404, "NotFound", "指定的订阅实例不存在。"]);
  });
});
