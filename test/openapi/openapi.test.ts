import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";

// The OpenAPI on its own in-memory database, seeded like a fresh console (demo AccessKeys too),
// served by a plain node:http server in this process so the official clients can call it.
process.env.DTS_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;
process.env.DTS_SECRET_KEY = randomBytes(32).toString("base64");
delete process.env.DEMO_ACCESS_KEY_SECRET;

const { getConnection } = await import("../../lib/db");
const { runAction } = await import("../../lib/actions/run-action");
const keySpecs = await import("../../lib/actions/access-key-specs");
const { DEMO_ACCESS_KEYS, SEED_IDS, SEED_GROUP_PASSWORD } = await import("../../lib/demo");
const { openApiClient, popCore, signedV1Query } = await import("../openapi-clients");
const { auditOf, demo, listen, openApiServer, passwordHashOf, userIds, users } = await import("../helpers/openapi-http");

const { server: apiServer, sent } = openApiServer();
let apiUrl = "";
before(async () => {
  await getConnection();
  apiUrl = await listen(apiServer);
});
after(async () => {
  apiServer.close();
  await (await getConnection()).close();
});

// The whole API in process, with the official clients unmodified.

type Body = Record<string, unknown>;

describe("the OpenAPI with pop-core (V1)", () => {
  before(userIds);

  it("runs the whole lifecycle through the console's actions, audited as api with the AccessKey", async () => {
    const admin = popCore(apiUrl, demo("admin"));
    const created = await admin.call("CreateConsumerGroup", {
      SubscriptionInstanceId: SEED_IDS.empty,
      ConsumerGroupName: "api-lifecycle",
      ConsumerGroupUserName: "api_reader",
      ConsumerGroupPassword: "Api#Pass01",
      RegionId: "cn-hangzhou",
    });
    assert.equal(created.Success, "true");
    const groupId = created.ConsumerGroupID as string;
    assert.match(groupId, /^dts[a-z0-9]{11}$/);
    assert.match(created.RequestId as string, /^[0-9A-F-]{36}$/);

    const described = await admin.call("DescribeConsumerGroup", { SubscriptionInstanceId: SEED_IDS.empty }, "GET");
    const channels = (described.ConsumerChannels as { DescribeConsumerChannel: Body[] }).DescribeConsumerChannel;
    const row = channels.find((c) => c.ConsumerGroupID === groupId);
    assert.deepEqual(
      { ...row, ConsumptionCheckpoint: undefined },
      {
        ConsumerGroupID: groupId,
        ConsumerGroupName: "api-lifecycle",
        ConsumerGroupUserName: "api_reader",
        ConsumptionCheckpoint: undefined,
        MessageDelay: -1,
        UnconsumedData: -1,
      },
    );
    assert.equal(described.TotalRecordCount, channels.length);
    assert.equal(described.PageNumber, 1);

    const before1 = await passwordHashOf(groupId);
    await admin.call("ModifyConsumerGroupPassword", {
      SubscriptionInstanceId: SEED_IDS.empty,
      ConsumerGroupID: groupId,
      ConsumerGroupUserName: "api_reader",
      ConsumerGroupPassword: "Api#Pass01",
      consumerGroupNewPassword: "Api#Pass02",
    });
    const before2 = await passwordHashOf(groupId);
    assert.notEqual(before1, before2);
    const reset = await admin.call("ModifyConsumerChannel", {
      DtsInstanceId: SEED_IDS.empty,
      ConsumerGroupId: groupId,
      ConsumerGroupPassword: "Api#Pass03",
    });
    assert.equal(reset.HttpStatusCode, "200");
    assert.notEqual(await passwordHashOf(groupId), before2);
    await admin.call("DeleteConsumerGroup", { SubscriptionInstanceId: SEED_IDS.empty, ConsumerGroupID: groupId });
    assert.equal(await passwordHashOf(groupId), undefined);

    for (const action of ["createConsumerGroup", "changeConsumerGroupPassword", "resetConsumerGroupPassword", "deleteConsumerGroup"]) {
      const [record] = await auditOf(action, groupId);
      assert.ok(record, action);
      assert.deepEqual(
        [record.result, record.channel, record.accessKeyId, record.username, record.instanceId],
        ["ok", "api", DEMO_ACCESS_KEYS.admin, "admin", SEED_IDS.empty],
      );
    }
  });

  it("refuses with the console's codes: quota, name, account, password", async () => {
    const admin = popCore(apiUrl, demo("admin"));
    const base = {
      SubscriptionInstanceId: SEED_IDS.nineteen,
      ConsumerGroupName: "api-refusals",
      ConsumerGroupUserName: "api_reader",
      ConsumerGroupPassword: "Api#Pass01",
    };
    const quota = await admin.refusal("CreateConsumerGroup", { ...base, SubscriptionInstanceId: SEED_IDS.full });
    assert.deepEqual(
      [quota.code, quota.data.ErrCode, quota.data.HttpStatusCode, quota.data.Success],
      ["QuotaExceeded.ConsumerGroup", "QuotaExceeded.ConsumerGroup", "400", "false"],
    );
    const account = await admin.refusal("CreateConsumerGroup", { ...base, ConsumerGroupUserName: "bad-name!" });
    assert.equal(account.code, "InvalidParameter.UserName");
    const password = await admin.refusal("CreateConsumerGroup", { ...base, ConsumerGroupPassword: "short" });
    assert.equal(password.code, "InvalidParameter.Password");
    const bidi = await admin.refusal("CreateConsumerGroup", { ...base, ConsumerGroupName: "sec-\u202egnp.exe" });
    assert.equal(bidi.code, "InvalidParameter");
    const { prisma } = await getConnection();
    const existing = await prisma.consumerGroup.findFirstOrThrow({ where: { instanceId: SEED_IDS.nineteen }, select: { name: true } });
    const duplicate = await admin.refusal("CreateConsumerGroup", { ...base, ConsumerGroupName: existing.name });
    assert.equal(duplicate.code, "ConsumerGroup.AlreadyExists");
    const status = await admin.refusal("CreateConsumerGroup", { ...base, SubscriptionInstanceId: SEED_IDS.abnormal });
    assert.deepEqual([status.code, status.data.HttpStatusCode], ["OperationDenied.InstanceStatus", "403"]);
    const [audited] = await auditOf("createConsumerGroup");
    assert.deepEqual([audited.result, audited.errorCode, audited.channel], ["refused", "OperationDenied.InstanceStatus", "api"]);
  });

  it("refuses a wrong current password on ModifyConsumerGroupPassword, and a group named under another instance", async () => {
    const operator = popCore(apiUrl, demo("operator"));
    const { prisma } = await getConnection();
    const group = await prisma.consumerGroup.findFirstOrThrow({
      where: { instanceId: SEED_IDS.normal },
      select: { id: true, account: true },
    });
    const wrong = await operator.refusal("ModifyConsumerGroupPassword", {
      SubscriptionInstanceId: SEED_IDS.normal,
      ConsumerGroupID: group.id,
      ConsumerGroupPassword: "Not#ThePass1",
      consumerGroupNewPassword: "Api#Pass02",
    });
    assert.equal(wrong.code, "InvalidParameter.Password");
    const elsewhere = await operator.refusal("ModifyConsumerGroupPassword", {
      SubscriptionInstanceId: SEED_IDS.empty,
      ConsumerGroupID: group.id,
      ConsumerGroupPassword: SEED_GROUP_PASSWORD,
      consumerGroupNewPassword: "Api#Pass02",
    });
    assert.deepEqual([elsewhere.code, elsewhere.status], ["NotFound", 404]);
    const account = await operator.refusal("ModifyConsumerGroupPassword", {
      SubscriptionInstanceId: SEED_IDS.normal,
      ConsumerGroupID: group.id,
      ConsumerGroupUserName: `${group.account}x`,
      ConsumerGroupPassword: SEED_GROUP_PASSWORD,
      consumerGroupNewPassword: "Api#Pass02",
    });
    assert.equal(account.code, "InvalidParameter.UserName");
    const [audited] = await auditOf("changeConsumerGroupPassword", group.id);
    assert.deepEqual(
      [audited.errorCode, audited.channel, audited.accessKeyId],
      ["InvalidParameter.UserName", "api", DEMO_ACCESS_KEYS.operator],
    );
  });

  it("refuses the viewer and the operator what their roles may not do, as Forbidden.RAM", async () => {
    const { prisma } = await getConnection();
    const group = await prisma.consumerGroup.findFirstOrThrow({ where: { instanceId: SEED_IDS.normal }, select: { id: true } });
    const viewer = popCore(apiUrl, demo("viewer"));
    const create = await viewer.refusal("CreateConsumerGroup", {
      SubscriptionInstanceId: SEED_IDS.empty,
      ConsumerGroupName: "v",
      ConsumerGroupUserName: "v",
      ConsumerGroupPassword: "Api#Pass01",
    });
    assert.deepEqual([create.code, create.status], ["Forbidden.RAM", 403]);
    const operator = popCore(apiUrl, demo("operator"));
    const reset = await operator.refusal("ModifyConsumerChannel", {
      DtsInstanceId: SEED_IDS.normal,
      ConsumerGroupId: group.id,
      ConsumerGroupPassword: "Api#Pass09",
    });
    assert.deepEqual([reset.code, reset.status], ["Forbidden.RAM", 403]);
    const del = await operator.refusal("DeleteConsumerGroup", { SubscriptionInstanceId: SEED_IDS.normal, ConsumerGroupID: group.id });
    assert.equal(del.code, "Forbidden.RAM");
    const [audited] = await auditOf("resetConsumerGroupPassword", group.id);
    assert.deepEqual([audited.errorCode, audited.role, audited.channel], ["Forbidden.Role", "operator", "api"]);
    // A viewer reads.
    const list = await viewer.call("DescribeSubscriptionInstances", { RegionId: "cn-hangzhou", PageSize: 2, PageNum: 1 }, "GET");
    const instances = (list.SubscriptionInstances as { SubscriptionInstance: Body[] }).SubscriptionInstance;
    assert.equal(instances.length, 2);
    assert.ok((list.TotalRecordCount as number) > 2);
  });

  it("answers authentication failures as the gateway does, 4xx, and audits them", async () => {
    const wrong = await popCore(apiUrl, { ...demo("admin"), accessKeySecret: "NotTheSecret" }).refusal(
      "DescribeSubscriptionInstances",
      {},
      "GET",
    );
    assert.deepEqual(
      [wrong.code, wrong.status, wrong.data.Message],
      ["SignatureDoesNotMatch", 400, "Specified signature is not matched with our calculation."],
    );
    const unknown = await popCore(apiUrl, { accessKeyId: "LTAI0000NoSuchKey0000001", accessKeySecret: "x" }).refusal(
      "DescribeSubscriptionInstances",
      {},
      "GET",
    );
    assert.deepEqual([unknown.code, unknown.status], ["InvalidAccessKeyId.NotFound", 404]);
    const version = await popCore(apiUrl, demo("admin")).refusal("DescribeNothing", {}, "GET");
    assert.deepEqual([version.code, version.status], ["InvalidApi.NotFound", 404]);
    const missing = await popCore(apiUrl, demo("admin")).refusal("DescribeConsumerGroup", {}, "GET");
    assert.deepEqual([missing.code, missing.status], ["MissingParameter", 400]);
    const [audited] = await auditOf("openApiRequest");
    assert.equal(audited.channel, "api");
    assert.equal(audited.errorCode, "MissingParameter");
    assert.equal(audited.username, "admin");
  });

  it("refuses a replayed request, a stale timestamp and a changed parameter", async () => {
    const client = popCore(apiUrl, demo("viewer"));
    sent.length = 0;
    await client.call("DescribeConsumerGroup", { SubscriptionInstanceId: SEED_IDS.normal }, "POST");
    const original = sent[0];
    const replay = await fetch(`${apiUrl}/`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: original.body,
    });
    assert.equal(replay.status, 400);
    assert.equal(((await replay.json()) as Body).Code, "SignatureNonceUsed");

    const stale = signedV1Query(
      demo("viewer"),
      "DescribeConsumerGroup",
      { SubscriptionInstanceId: SEED_IDS.normal },
      { timestamp: new Date(Date.now() - 16 * 60_000) },
    );
    const staleRes = await fetch(`${apiUrl}/?${stale.toString()}`);
    assert.deepEqual([staleRes.status, ((await staleRes.json()) as Body).Code], [400, "InvalidTimeStamp.Expired"]);

    const fresh = signedV1Query(demo("viewer"), "DescribeConsumerGroup", { SubscriptionInstanceId: SEED_IDS.normal });
    assert.equal((await fetch(`${apiUrl}/?${fresh.toString()}`)).status, 200);
    const tampered = signedV1Query(demo("viewer"), "DescribeConsumerGroup", { SubscriptionInstanceId: SEED_IDS.normal });
    tampered.set("SubscriptionInstanceId", SEED_IDS.full);
    const tamperedRes = await fetch(`${apiUrl}/?${tampered.toString()}`);
    const body = (await tamperedRes.json()) as Body;
    assert.deepEqual([tamperedRes.status, body.Code], [400, "SignatureDoesNotMatch"]);
    // Nothing says which part differed.
    assert.doesNotMatch(JSON.stringify(body), /SubscriptionInstanceId|string to sign|expected/i);
  });

  it("stops a disabled or deleted AccessKey at once, and blocks a client after repeated bad signatures", async () => {
    const created = await runAction(keySpecs.createAccessKeySpec, {}, users.operator);
    assert.ok(created.ok, JSON.stringify(created));
    const { accessKeyId, accessKeySecret } = created.data;
    const client = popCore(apiUrl, { accessKeyId, accessKeySecret });
    assert.equal((await client.call("DescribeSubscriptionInstances", {}, "GET")).Success, "true");
    const { prisma } = await getConnection();
    const used = await prisma.accessKey.findUniqueOrThrow({ where: { id: accessKeyId } });
    assert.ok(used.lastUsedAt);
    assert.equal(used.lastUsedIp, "127.0.0.1");

    assert.ok((await runAction(keySpecs.disableAccessKeySpec, { accessKeyId }, users.operator)).ok);
    const disabled = await client.refusal("DescribeSubscriptionInstances", {}, "GET");
    assert.deepEqual([disabled.code, disabled.status], ["InvalidAccessKeyId.Inactive", 400]);
    assert.ok((await runAction(keySpecs.enableAccessKeySpec, { accessKeyId }, users.operator)).ok);
    assert.equal((await client.call("DescribeSubscriptionInstances", {}, "GET")).Success, "true");

    const attacker = popCore(apiUrl, { accessKeyId, accessKeySecret: "guessing" });
    const codes: string[] = [];
    for (let i = 0; i < 11; i++) codes.push((await attacker.refusal("DescribeSubscriptionInstances", {}, "GET")).code);
    assert.deepEqual(codes.slice(0, 10), Array<string>(10).fill("SignatureDoesNotMatch"));
    assert.equal(codes[10], "Throttling.User");
    // The blocked client is this address on this key: with the right secret, still blocked for now.
    const blocked = await client.refusal("DescribeSubscriptionInstances", {}, "GET");
    assert.deepEqual([blocked.code, blocked.status], ["Throttling.User", 429]);
    await prisma.authFailure.deleteMany({ where: { key: { startsWith: "openapi:" } } });

    assert.ok((await runAction(keySpecs.deleteAccessKeySpec, { accessKeyId }, users.operator)).ok);
    assert.equal((await client.refusal("DescribeSubscriptionInstances", {}, "GET")).code, "InvalidAccessKeyId.NotFound");
  });
});

describe("the OpenAPI with openapi-client (V3, ACS3-HMAC-SHA256)", () => {
  it("creates, describes (paged), resets and deletes through the channel family", async () => {
    const admin = openApiClient(apiUrl, demo("admin"));
    const created = await admin.call("CreateConsumerChannel", {
      DtsJobId: SEED_IDS.empty.slice(3),
      ConsumerGroupName: "api-channel",
      ConsumerGroupUserName: "chan_reader",
      ConsumerGroupPassword: "Chan#Pass1",
      RegionId: "cn-hangzhou",
    });
    assert.deepEqual([created.Success, created.HttpStatusCode], ["true", "200"]);
    const groupId = created.ConsumerGroupID as string;
    const second = await admin.call("CreateConsumerChannel", {
      DtsInstanceId: SEED_IDS.empty,
      ConsumerGroupName: "api-channel-2",
      ConsumerGroupUserName: "chan_reader",
      ConsumerGroupPassword: "Chan#Pass1",
    });

    const page1 = await admin.call("DescribeConsumerChannel", { DtsInstanceId: SEED_IDS.empty, PageSize: 1, PageNumber: 1 });
    const page2 = await admin.call("DescribeConsumerChannel", { DtsInstanceId: SEED_IDS.empty, PageSize: 1, PageNumber: 2 });
    const items = [...(page1.ConsumerChannels as Body[]), ...(page2.ConsumerChannels as Body[])];
    assert.equal(page1.TotalRecordCount, 2);
    assert.equal(page1.PageRecordCount, 1);
    assert.deepEqual(items.map((c) => c.ConsumerGroupId).sort(), [groupId, second.ConsumerGroupID].sort());

    const rename = await admin.refusal("ModifyConsumerChannel", {
      DtsInstanceId: SEED_IDS.empty,
      ConsumerGroupId: groupId,
      ConsumerGroupName: "renamed",
      ConsumerGroupPassword: "Chan#Pass2",
    });
    assert.equal(rename.code, "InvalidParameter");
    assert.equal(rename.status, 400);
    await admin.call("ModifyConsumerChannel", {
      DtsInstanceId: SEED_IDS.empty,
      ConsumerGroupId: groupId,
      ConsumerGroupName: "api-channel",
      ConsumerGroupPassword: "Chan#Pass2",
    });
    const [reset] = await auditOf("resetConsumerGroupPassword", groupId);
    assert.deepEqual([reset.result, reset.channel, reset.accessKeyId], ["ok", "api", DEMO_ACCESS_KEYS.admin]);

    for (const id of [groupId, second.ConsumerGroupID as string])
      await admin.call("DeleteConsumerChannel", { DtsInstanceId: SEED_IDS.empty, ConsumerGroupId: id });
    const empty = await admin.call("DescribeConsumerChannel", { DtsInstanceId: SEED_IDS.empty });
    assert.deepEqual([empty.TotalRecordCount, empty.ConsumerChannels], [0, []]);
  });

  it("describes an instance's status with DTS's fields, and 404s one in another region", async () => {
    const viewer = openApiClient(apiUrl, demo("viewer"));
    const status = await viewer.call("DescribeSubscriptionInstanceStatus", { SubscriptionInstanceId: SEED_IDS.normal });
    assert.equal(status.SubscriptionInstanceID, SEED_IDS.normal);
    assert.equal(status.SubscriptionInstanceName, "dtstest");
    assert.equal(status.Status, "Normal");
    assert.equal(status.TaskId, SEED_IDS.normal.slice(3));
    assert.deepEqual(Object.keys(status.SubscriptionHost as Body).sort(), ["PrivateHost", "PublicHost", "VPCHost"]);
    assert.match(status.EndTimestamp as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const elsewhere = await viewer.refusal("DescribeSubscriptionInstanceStatus", {
      SubscriptionInstanceId: SEED_IDS.normal,
      RegionId: "cn-beijing",
    });
    assert.deepEqual([elsewhere.code, elsewhere.status, elsewhere.data.HttpStatusCode], ["NotFound", 404, "404"]);
  });

  it("refuses a wrong secret, an unknown key and a replayed nonce", async () => {
    assert.equal(
      (await openApiClient(apiUrl, { ...demo("viewer"), accessKeySecret: "wrong" }).refusal("DescribeSubscriptionInstances")).code,
      "SignatureDoesNotMatch",
    );
    assert.equal(
      (
        await openApiClient(apiUrl, { accessKeyId: "LTAI0000NoSuchKey0000002", accessKeySecret: "x" }).refusal(
          "DescribeSubscriptionInstances",
        )
      ).status,
      404,
    );
    sent.length = 0;
    await openApiClient(apiUrl, demo("viewer")).call("DescribeSubscriptionInstances");
    const original = sent[0];
    const replay = await fetch(`${apiUrl}${original.url}`, {
      method: original.method,
      headers: original.headers,
      body: original.body || undefined,
    });
    assert.deepEqual([replay.status, ((await replay.json()) as Body).Code], [400, "SignatureNonceUsed"]);
  });
});
