import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { userOf, type Role } from "../helpers/users";

// Monitoring and alerting of an instance (docs/rules.md "Alerts"): the action and its roles, the
// database's CHECKs on their own, the threshold's colouring of Data Consume, and DTS's
// Configure/DescribeSubscriptionInstanceAlert through the official pop-core client.
process.env.DTS_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;
process.env.DTS_SECRET_KEY = randomBytes(32).toString("base64");
delete process.env.DEMO_ACCESS_KEY_SECRET;

const { getConnection } = await import("../../lib/db");
const { runAction } = await import("../../lib/actions/run-action");
const { configureGroupAlertRuleSpec, configureInstanceAlertSpec } = await import("../../lib/actions/instance-alert-specs");
const { getInstanceAlert } = await import("../../lib/data/instance-alerts");
const { listConsumerGroups } = await import("../../lib/data/consumer-groups");
const { lagLevel } = await import("../../lib/format");
const { handleOpenApi } = await import("../../lib/openapi/handler");
const { DEFAULT_DEMO_ACCESS_KEY_SECRET, DEMO_ACCESS_KEYS, SEED_IDS } = await import("../../lib/demo");
const { popCore } = await import("../openapi-clients");

const settings = { delayAlert: true, delayOverSeconds: "30", delayAlertPhone: "", errorAlert: false, errorAlertPhone: "" };
let conn: Awaited<ReturnType<typeof getConnection>>;

const apiServer = http.createServer((req, res) => {
  void (async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    headers.set("x-dts-peer", req.socket.remoteAddress ?? "");
    const response = await handleOpenApi(
      new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
        method: req.method,
        headers,
        body: req.method === "GET" ? undefined : Buffer.concat(chunks),
      }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
  })();
});
let apiUrl = "";
const api = (role: Role) => popCore(apiUrl, { accessKeyId: DEMO_ACCESS_KEYS[role], accessKeySecret: DEFAULT_DEMO_ACCESS_KEY_SECRET });

before(async () => {
  conn = await getConnection();
  await new Promise<void>((resolve) => apiServer.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(apiServer.address() as AddressInfo).port}`;
});
after(async () => {
  apiServer.close();
  await conn.close();
});

describe("the Configure action", () => {
  it("lets operators and admins set the alerts, audited; refuses the viewer", async () => {
    const viewer = await runAction(configureInstanceAlertSpec, { instanceId: SEED_IDS.normal, ...settings }, userOf("viewer"));
    assert.deepEqual([viewer.ok, !viewer.ok && viewer.code], [false, "Forbidden.Role"]);
    for (const role of ["operator", "admin"] as const) {
      const r = await runAction(
        configureInstanceAlertSpec,
        { instanceId: SEED_IDS.normal, ...settings, delayAlertPhone: "13612345678， 13712345678 13612345678" },
        userOf(role),
      );
      assert.ok(r.ok, JSON.stringify(r));
      const saved = await getInstanceAlert(userOf("viewer"), SEED_IDS.normal);
      assert.deepEqual(
        [saved?.delayAlert, saved?.delayOverSeconds, saved?.delayAlertPhone, saved?.updatedBy],
        [true, 30, "13612345678,13712345678", role],
      );
      const audit = await conn.prisma.auditLog.findFirst({
        where: { action: "configureInstanceAlert", username: role, result: "ok" },
        orderBy: { id: "desc" },
      });
      assert.equal(audit?.instanceId, SEED_IDS.normal);
    }
  });

  it("puts each bad value on its field, and changes nothing", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ delayOverSeconds: "" }, "delayOverSeconds"],
      [{ delayOverSeconds: "0" }, "delayOverSeconds"],
      [{ delayOverSeconds: "2592001" }, "delayOverSeconds"],
      [{ delayOverSeconds: "1.5" }, "delayOverSeconds"],
      [{ delayOverSeconds: "ten" }, "delayOverSeconds"],
      [{ delayAlertPhone: "1361234567" }, "delayAlertPhone"],
      [{ errorAlertPhone: "+8613612345678" }, "errorAlertPhone"],
      [{ errorAlertPhone: Array.from({ length: 11 }, (_, i) => `136123456${String(i).padStart(2, "0")}`).join(",") }, "errorAlertPhone"],
      [{ delayAlert: "yes" }, "delayAlert"],
    ];
    for (const [change, field] of cases) {
      const r = await runAction(configureInstanceAlertSpec, { instanceId: SEED_IDS.nineteen, ...settings, ...change }, userOf("admin"));
      assert.equal(r.ok, false, JSON.stringify(change));
      assert.ok(!r.ok && r.fieldErrors?.[field], `${JSON.stringify(change)} → ${JSON.stringify(r)}`);
    }
    assert.equal((await getInstanceAlert(userOf("viewer"), SEED_IDS.nineteen))?.updatedAt, null);
    // Off, the threshold may be left empty; the edge values are taken.
    for (const delayOverSeconds of ["", "1", "2592000"]) {
      const r = await runAction(
        configureInstanceAlertSpec,
        { instanceId: SEED_IDS.nineteen, ...settings, delayAlert: delayOverSeconds !== "", delayOverSeconds },
        userOf("admin"),
      );
      assert.ok(r.ok, JSON.stringify(r));
    }
  });

  it("answers NotFound for an instance that is not there", async () => {
    const r = await runAction(configureInstanceAlertSpec, { instanceId: "dtsnothere0000", ...settings }, userOf("admin"));
    assert.deepEqual([r.ok, !r.ok && r.code], [false, "NotFound"]);
  });
});

describe("a consumer group's alert rule", () => {
  it("is set by operators and admins, audited, each bad value on its field; the database checks the ranges", async () => {
    const group = await conn.prisma.consumerGroup.findFirstOrThrow({ where: { instanceId: SEED_IDS.normal }, select: { id: true } });
    const rule = {
      groupId: group.id,
      enabled: true,
      delayOverSeconds: "120",
      delayForMinutes: "5",
      stalled: true,
      disconnectedMinutes: "",
    };
    const viewer = await runAction(configureGroupAlertRuleSpec, rule, userOf("viewer"));
    assert.deepEqual([viewer.ok, !viewer.ok && viewer.code], [false, "Forbidden.Role"]);
    const saved = await runAction(configureGroupAlertRuleSpec, rule, userOf("operator"));
    assert.ok(saved.ok, JSON.stringify(saved));
    const row = (await listConsumerGroups(userOf("viewer"), SEED_IDS.normal))?.groups.find((g) => g.id === group.id);
    assert.deepEqual(row?.alertRule, {
      enabled: true,
      delayOverSeconds: 120,
      delayForMinutes: 5,
      stalled: true,
      disconnectedMinutes: null,
    });
    assert.ok(await conn.prisma.auditLog.findFirst({ where: { action: "configureGroupAlertRule", groupId: group.id, result: "ok" } }));
    for (const [change, field] of [
      [{ delayOverSeconds: "0" }, "delayOverSeconds"],
      [{ delayForMinutes: "1441" }, "delayForMinutes"],
      [{ disconnectedMinutes: "0" }, "disconnectedMinutes"],
      [{ disconnectedMinutes: "10081" }, "disconnectedMinutes"],
      [{ delayOverSeconds: "", stalled: false, disconnectedMinutes: "" }, "delayOverSeconds"],
    ] as const) {
      const r = await runAction(configureGroupAlertRuleSpec, { ...rule, ...change }, userOf("admin"));
      assert.ok(!r.ok && r.fieldErrors?.[field], `${JSON.stringify(change)} → ${JSON.stringify(r)}`);
    }
    // Off, no condition is needed.
    assert.ok(
      (await runAction(configureGroupAlertRuleSpec, { ...rule, enabled: false, delayOverSeconds: "", stalled: false }, userOf("admin"))).ok,
    );
    for (const [column, value, constraint] of [
      ["delay_over_seconds", 0, "group_alert_rule_delay_over_seconds_check"],
      ["delay_for_minutes", 1441, "group_alert_rule_delay_for_minutes_check"],
      ["disconnected_minutes", 10_081, "group_alert_rule_disconnected_minutes_check"],
    ] as const) {
      await assert.rejects(
        conn.prisma.$executeRawUnsafe(`UPDATE "group_alert_rule" SET "${column}" = ${value} WHERE "group_id" = '${group.id}'`),
        (e: Error) => e.message.includes(constraint),
      );
    }
  });
});

describe("the database's own rules", () => {
  const insert = (values: string) =>
    conn.prisma.$executeRawUnsafe(
      `INSERT INTO "instance_alert" ("instance_id", "delay_alert", "delay_over_seconds", "delay_alert_phone", "error_alert", "error_alert_phone", "updated_by") VALUES ('${SEED_IDS.abnormal}', ${values}, 'admin')`,
    );
  it("refuses a latency alert without a threshold, a threshold out of range, and malformed numbers", async () => {
    for (const [values, constraint] of [
      ["true, NULL, '', false, ''", "instance_alert_delay_threshold_check"],
      ["false, 0, '', false, ''", "instance_alert_delay_over_seconds_check"],
      ["false, 2592001, '', false, ''", "instance_alert_delay_over_seconds_check"],
      ["false, NULL, '13612345678,', false, ''", "instance_alert_delay_alert_phone_check"],
      ["false, NULL, '', false, '1361234567'", "instance_alert_error_alert_phone_check"],
      [`false, NULL, '', false, '${Array(11).fill("13612345678").join(",")}'`, "instance_alert_error_alert_phone_check"],
    ] as const) {
      await assert.rejects(insert(values), (e: Error) => e.message.includes(constraint), values);
    }
    assert.equal(await insert("true, 10, '13612345678', true, ''"), 1);
  });
});

describe("the threshold colours Message Delay", () => {
  it("moves the delay's levels to the threshold and half of it, and leaves records as they are", () => {
    assert.equal(lagLevel(14, "delaySeconds", 30), null);
    assert.equal(lagLevel(15, "delaySeconds", 30), "warn");
    assert.equal(lagLevel(29, "delaySeconds", 30), "warn");
    assert.equal(lagLevel(30, "delaySeconds", 30), "high");
    assert.equal(lagLevel(59, "delaySeconds", null), null);
    assert.equal(lagLevel(600, "delaySeconds", 7_200), null);
    assert.equal(lagLevel(10_000, "records", 30), "warn");
  });

  it("hands Data Consume the threshold only while the latency alert is on", async () => {
    await runAction(configureInstanceAlertSpec, { instanceId: SEED_IDS.full, ...settings, delayOverSeconds: "45" }, userOf("admin"));
    assert.equal((await listConsumerGroups(userOf("viewer"), SEED_IDS.full))?.delayAlertSeconds, 45);
    await runAction(
      configureInstanceAlertSpec,
      { instanceId: SEED_IDS.full, ...settings, delayAlert: false, delayOverSeconds: "45" },
      userOf("admin"),
    );
    assert.equal((await listConsumerGroups(userOf("viewer"), SEED_IDS.full))?.delayAlertSeconds, null);
    assert.equal((await getInstanceAlert(userOf("viewer"), SEED_IDS.full))?.delayOverSeconds, 45, "kept while off");
  });
});

describe("DTS's alert operations on the OpenAPI (pop-core)", () => {
  it("configures and describes with DTS's names; what is left out stays", async () => {
    const operator = api("operator");
    assert.ok(
      await operator.call("ConfigureSubscriptionInstanceAlert", {
        SubscriptionInstanceId: SEED_IDS.empty,
        RegionId: "cn-hangzhou",
        DelayAlertStatus: "enable",
        DelayOverSeconds: "20",
        DelayAlertPhone: "13612345678,13712345678",
        ErrorAlertStatus: "enable",
      }),
    );
    await operator.call("ConfigureSubscriptionInstanceAlert", { SubscriptionInstanceId: SEED_IDS.empty, ErrorAlertStatus: "disable" });
    const described = await api("viewer").call("DescribeSubscriptionInstanceAlert", { SubscriptionInstanceId: SEED_IDS.empty }, "GET");
    assert.equal(described.Success, "true");
    assert.deepEqual(
      [
        described.SubscriptionInstanceID,
        described.DelayAlertStatus,
        described.DelayOverSeconds,
        described.DelayAlertPhone,
        described.ErrorAlertStatus,
        described.ErrorAlertPhone,
      ],
      [SEED_IDS.empty, "enable", "20", "13612345678,13712345678", "disable", ""],
    );
    const audit = await conn.prisma.auditLog.findFirst({
      where: { action: "configureInstanceAlert", channel: "api" },
      orderBy: { id: "desc" },
    });
    assert.deepEqual([audit?.result, audit?.accessKeyId], ["ok", DEMO_ACCESS_KEYS.operator]);
  });

  it("refuses what DTS refuses, and the viewer", async () => {
    const operator = api("operator");
    const missing = await operator.refusal("ConfigureSubscriptionInstanceAlert", { SubscriptionInstanceId: SEED_IDS.empty });
    assert.deepEqual(
      [missing.code, missing.status, missing.data.Message],
      ["MissingParameter", 400, 'The input parameter "DelayAlertStatus" that is mandatory for processing this request is not supplied.'],
    );
    const status = await operator.refusal("ConfigureSubscriptionInstanceAlert", {
      SubscriptionInstanceId: SEED_IDS.empty,
      DelayAlertStatus: "on",
    });
    assert.deepEqual([status.code, status.data.ErrMessage], ["InvalidParameter", "DelayAlertStatus must be enable or disable."]);
    const noThreshold = await operator.refusal("ConfigureSubscriptionInstanceAlert", {
      SubscriptionInstanceId: SEED_IDS.nineteen,
      DelayAlertStatus: "enable",
      DelayOverSeconds: "",
    });
    assert.equal(noThreshold.code, "InvalidParameter");
    const region = await operator.refusal("ConfigureSubscriptionInstanceAlert", {
      SubscriptionInstanceId: SEED_IDS.empty,
      RegionId: "cn-beijing",
      ErrorAlertStatus: "enable",
    });
    assert.deepEqual([region.code, region.status], ["NotFound", 404]);
    const gone = await api("viewer").refusal("DescribeSubscriptionInstanceAlert", { SubscriptionInstanceId: "dtsnothere0000" }, "GET");
    assert.deepEqual([gone.code, gone.status], ["NotFound", 404]);
    const viewer = await api("viewer").refusal("ConfigureSubscriptionInstanceAlert", {
      SubscriptionInstanceId: SEED_IDS.empty,
      ErrorAlertStatus: "enable",
    });
    assert.deepEqual([viewer.code, viewer.status], ["Forbidden.RAM", 403]);
    // Nothing changed by any of them.
    const after = await getInstanceAlert(userOf("viewer"), SEED_IDS.empty);
    assert.deepEqual([after?.delayOverSeconds, after?.errorAlert], [20, false]);
  });

  it("maps CreateJobMonitorRule and DescribeJobMonitorRule onto the same settings", async () => {
    const operator = api("operator");
    const jobId = SEED_IDS.abnormal.slice(3);
    const created = await operator.call("CreateJobMonitorRule", {
      DtsJobId: jobId,
      Type: "delay",
      State: "Y",
      DelayRuleTime: 90,
      Phone: "13612345678",
    });
    assert.deepEqual([created.DtsJobId, created.HttpStatusCode], [jobId, 200]);
    await operator.call("CreateJobMonitorRule", { DtsJobId: jobId, Type: "error" });
    const described = await api("viewer").call("DescribeJobMonitorRule", { DtsJobId: jobId }, "GET");
    assert.deepEqual(JSON.parse(JSON.stringify(described.MonitorRules)), [
      { Type: "delay", State: "Y", DelayRuleTime: 90, Phone: "13612345678", JobType: "normal", JobId: jobId },
      { Type: "error", State: "Y", Phone: "", JobType: "normal", JobId: jobId },
    ]);
    // The instance's own view says the same.
    const alert = await getInstanceAlert(userOf("viewer"), SEED_IDS.abnormal);
    assert.deepEqual([alert?.delayAlert, alert?.delayOverSeconds, alert?.errorAlert], [true, 90, true]);
    await operator.call("CreateJobMonitorRule", { DtsJobId: jobId, Type: "delay", State: "N" });
    assert.equal((await getInstanceAlert(userOf("viewer"), SEED_IDS.abnormal))?.delayAlert, false);

    const fullTimeout = await operator.refusal("CreateJobMonitorRule", { DtsJobId: jobId, Type: "full_timeout", DelayRuleTime: 2 });
    assert.deepEqual(
      [fullTimeout.code, fullTimeout.data.ErrMessage],
      ["InvalidParameter", "Type is not a value this console takes: Type is delay or error, State is Y or N."],
    );
    const fresh = await conn.prisma.instance.findFirstOrThrow({ where: { alert: null }, select: { id: true } });
    const noThreshold = await operator.refusal("CreateJobMonitorRule", { DtsJobId: fresh.id.slice(3), Type: "delay", State: "Y" });
    assert.equal(noThreshold.code, "InvalidParameter");
    const missing = await operator.refusal("DescribeJobMonitorRule", {});
    assert.deepEqual(
      [missing.code, missing.data.Message],
      ["MissingParameter", 'The input parameter "DtsJobId" that is mandatory for processing this request is not supplied.'],
    );
    const gone = await operator.refusal("DescribeJobMonitorRule", { DtsJobId: "nothere0000" });
    assert.equal(gone.code, "NotFound");
    const viewer = await api("viewer").refusal("CreateJobMonitorRule", { DtsJobId: jobId, Type: "error" });
    assert.equal(viewer.code, "Forbidden.RAM");
  });
});
