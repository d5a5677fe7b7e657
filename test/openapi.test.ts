import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";

// The OpenAPI on its own in-memory database, seeded like a fresh console (demo AccessKeys too),
// served by a plain node:http server in this process so the official clients can call it.
process.env.DTS_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;
process.env.DTS_SECRET_KEY = randomBytes(32).toString("base64");
delete process.env.DEMO_ACCESS_KEY_SECRET;

const { getConnection } = await import("../lib/db");
const { handleOpenApi } = await import("../lib/openapi/handler");
const { parseSignedRequest } = await import("../lib/openapi/request");
const sig = await import("../lib/openapi/signature");
const { operationRefusal } = await import("../lib/openapi/answers");
const { httpStatusOf: statusOf } = await import("../lib/error-codes");
const { isOpenApiCall } = await import("../lib/openapi/detect");
const { unauthenticatedTreatment } = await import("../lib/security/routes");
const { fail } = await import("../lib/actions/result");
const { ERROR_CODES } = await import("../lib/error-codes");
const crypto = await import("../lib/auth/access-key-crypto");
const { runAction } = await import("../lib/actions/run-action");
const keySpecs = await import("../lib/actions/access-key-specs");
const { DEFAULT_DEMO_ACCESS_KEY_SECRET, DEMO_ACCESS_KEYS, SEED_IDS, SEED_GROUP_PASSWORD } = await import("../lib/demo");
const { openApiClient, OpenApiUtil, popCore, signedV1Query } = await import("./openapi-clients");

interface Captured {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  host?: string | null;
}

function headersOf(req: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  return headers;
}

async function read(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Answers every request with an empty success and keeps it: what the clients send, byte for byte. */
const captured: Captured[] = [];
const captureServer = http.createServer((req, res) => {
  void read(req).then((body) => {
    captured.push({ method: req.method ?? "GET", url: req.url ?? "/", headers: headersOf(req), body });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ RequestId: "CAPTURED" }));
  });
});

/** The console's OpenAPI handler behind node:http, as server.mjs runs Next.js (the socket address in x-dts-peer). */
const sent: Captured[] = [];
const apiServer = http.createServer((req, res) => {
  void (async () => {
    const body = await read(req);
    const headers = headersOf(req);
    headers.set("x-dts-peer", req.socket.remoteAddress ?? "");
    sent.push({ method: req.method ?? "GET", url: req.url ?? "/", headers: headersOf(req), body });
    const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
      method: req.method,
      headers,
      body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
    });
    const response = await handleOpenApi(request, () => {});
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  })();
});

let captureUrl = "";
let apiUrl = "";
const demo = (role: keyof typeof DEMO_ACCESS_KEYS) => ({
  accessKeyId: DEMO_ACCESS_KEYS[role],
  accessKeySecret: DEFAULT_DEMO_ACCESS_KEY_SECRET,
});
const SECRET = { accessKeyId: "LTAI0000TestKey000000001", accessKeySecret: "TestSecret0123456789abcdefghij" };

before(async () => {
  await getConnection();
  captureUrl = await listen(captureServer);
  apiUrl = await listen(apiServer);
});
after(async () => {
  captureServer.close();
  apiServer.close();
  await (await getConnection()).close();
});

const parse = (c: Captured) => {
  const result = parseSignedRequest({ method: c.method, url: c.url, headers: c.headers, body: c.body, host: c.host });
  assert.ok(result.ok, JSON.stringify(result));
  return result.call;
};

describe("signatures, checked against the official clients' own signing", () => {
  it("V1 from pop-core, GET and POST: verifies with the secret, not with another, not once a parameter changed", async () => {
    const client = popCore(captureUrl, SECRET);
    for (const method of ["GET", "POST"] as const) {
      captured.length = 0;
      await client.call(
        "CreateConsumerGroup",
        { SubscriptionInstanceId: "dtsabc123456", ConsumerGroupName: "a b+c/ü*'()!~", ConsumerGroupPassword: "Pass#word1" },
        method,
      );
      const request = captured[0];
      const call = parse(request);
      assert.equal(call.scheme, "V1");
      assert.equal(call.action, "CreateConsumerGroup");
      assert.equal(call.params.get("ConsumerGroupName"), "a b+c/ü*'()!~");
      assert.equal(call.verify(SECRET.accessKeySecret), true);
      assert.equal(call.verify(`${SECRET.accessKeySecret}x`), false);
      const tampered =
        method === "GET"
          ? { ...request, url: request.url.replace("dtsabc123456", "dtsabc123457") }
          : { ...request, body: request.body.replace("dtsabc123456", "dtsabc123457") };
      assert.equal(parse(tampered).verify(SECRET.accessKeySecret), false);
      // The same parameters under the other method were not what was signed.
      assert.equal(parse({ ...request, method: method === "GET" ? "POST" : "GET" }).verify(SECRET.accessKeySecret), false);
    }
  });

  it("V1's string to sign gives OpenApiUtil.getRPCSignature's signature", () => {
    const params = { Action: "DescribeConsumerGroup", Name: "空格 & +/=%*~'", Version: "2020-01-01", Timestamp: "2026-11-28T08:00:00Z" };
    for (const method of ["GET", "POST"]) {
      assert.equal(sig.v1Signature("s3cret", sig.v1StringToSign(method, params)), OpenApiUtil.getRPCSignature(params, method, "s3cret"));
    }
  });

  it("V3 from openapi-client: verifies with the secret; a changed query, signed header or body does not", async () => {
    const client = openApiClient(captureUrl, SECRET);
    captured.length = 0;
    await client.call("DescribeConsumerChannel", { DtsInstanceId: "dtsabc123456", PageSize: 5, Note: "a b+c/ü*'()" });
    const request = captured[0];
    const call = parse(request);
    assert.equal(call.scheme, "V3");
    assert.equal(call.action, "DescribeConsumerChannel");
    assert.equal(call.version, "2020-01-01");
    assert.equal(call.params.get("Note"), "a b+c/ü*'()");
    assert.equal(call.verify(SECRET.accessKeySecret), true);
    assert.equal(call.verify("another"), false);
    assert.equal(parse({ ...request, url: request.url.replace("PageSize=5", "PageSize=6") }).verify(SECRET.accessKeySecret), false);
    const headers = new Headers(request.headers);
    headers.set("x-acs-action", "DeleteConsumerChannel");
    assert.equal(parse({ ...request, headers }).verify(SECRET.accessKeySecret), false);
    const hostless = new Headers(request.headers);
    hostless.set("host", "elsewhere.example:80");
    assert.equal(parse({ ...request, headers: hostless }).verify(SECRET.accessKeySecret), false);
    // Behind the proxy's rewrite the Host is Next.js's; the client's comes along separately.
    assert.equal(parse({ ...request, headers: hostless, host: request.headers.get("host") }).verify(SECRET.accessKeySecret), true);
  });

  it("V3 with a form body: the body's hash is signed, a changed body fails", async () => {
    // The client signs x-acs-content-sha256 of the body it sends.
    const OpenApi = (await import("node:module")).createRequire(import.meta.url)(
      "@alicloud/openapi-client",
    ) as typeof import("@alicloud/openapi-client");
    const raw = new OpenApi.default(new OpenApi.Config({ ...SECRET, endpoint: new URL(captureUrl).host, protocol: "http" }));
    captured.length = 0;
    await raw.callApi(
      new OpenApi.Params({
        action: "CreateConsumerChannel",
        version: "2020-01-01",
        protocol: "HTTP",
        pathname: "/",
        method: "POST",
        authType: "AK",
        style: "RPC",
        reqBodyType: "formData",
        bodyType: "json",
      }),
      new OpenApi.OpenApiRequest({ body: { DtsInstanceId: "dtsabc123456", ConsumerGroupName: "in the body" } }),
      {} as never,
    );
    const request = captured[0];
    assert.match(request.headers.get("content-type") ?? "", /x-www-form-urlencoded/);
    const call = parse(request);
    assert.equal(call.params.get("ConsumerGroupName"), "in the body");
    assert.equal(call.verify(SECRET.accessKeySecret), true);
    assert.equal(parse({ ...request, body: request.body.replace("body", "bodY") }).verify(SECRET.accessKeySecret), false);
  });

  it("V3's canonical request gives OpenApiUtil.getAuthorization's signature", () => {
    const headers = {
      host: "example.com:3000",
      "x-acs-action": "DescribeConsumerChannel",
      "x-acs-version": "2020-01-01",
      "x-acs-date": "2026-11-28T08:00:00Z",
      "x-acs-signature-nonce": "n1",
      "x-acs-content-sha256": sig.sha256Hex(""),
    };
    const query = { DtsInstanceId: "dtsabc123456", Name: "a b+c/ü*" };
    const auth = OpenApiUtil.getAuthorization(
      { pathname: "/", method: "POST", query, headers } as never,
      "ACS3-HMAC-SHA256",
      headers["x-acs-content-sha256"],
      "LTAIx",
      "s3cret",
    );
    const signedHeaders = /SignedHeaders=([^,]+)/.exec(auth)![1].split(";");
    const canonical = sig.v3CanonicalRequest({
      method: "POST",
      path: "/",
      query,
      header: (n) => (headers as Record<string, string>)[n] ?? null,
      signedHeaders,
      hashedPayload: headers["x-acs-content-sha256"],
    });
    assert.equal(`Signature=${sig.v3Signature("s3cret", canonical)}`, /Signature=[0-9a-f]+$/.exec(auth)![0]);
  });

  it("refuses a V3 request whose SignedHeaders leave out an x-acs header, and other algorithms, as IncompleteSignature", async () => {
    const client = openApiClient(captureUrl, SECRET);
    captured.length = 0;
    await client.call("DescribeConsumerChannel", { DtsInstanceId: "dtsabc123456" });
    const request = captured[0];
    const unsigned = new Headers(request.headers);
    unsigned.set("x-acs-extra", "1");
    const r1 = parseSignedRequest({ ...request, headers: unsigned });
    assert.equal(!r1.ok && r1.refusal.code, "IncompleteSignature");
    const other = new Headers(request.headers);
    other.set("authorization", (request.headers.get("authorization") ?? "").replace("ACS3-HMAC-SHA256", "ACS3-HMAC-SM3"));
    const r2 = parseSignedRequest({ ...request, headers: other });
    assert.equal(!r2.ok && r2.refusal.code, "IncompleteSignature");
  });

  it("refuses V1 requests missing a signature part as MissingParameter, a repeated parameter as InvalidParameter", () => {
    const q = signedV1Query(SECRET, "DescribeConsumerGroup", { SubscriptionInstanceId: "dtsabc123456" });
    q.delete("SignatureNonce");
    const r1 = parseSignedRequest({ method: "GET", url: `/?${q.toString()}`, headers: new Headers(), body: "" });
    assert.deepEqual(!r1.ok && [r1.refusal.code, r1.refusal.status], ["MissingParameter", 400]);
    const r2 = parseSignedRequest({
      method: "GET",
      url: `/?${signedV1Query(SECRET, "X", {}).toString()}&Action=Y`,
      headers: new Headers(),
      body: "",
    });
    assert.equal(!r2.ok && r2.refusal.code, "InvalidParameter");
  });
});

describe("timestamps and comparison", () => {
  it("parses the clients' UTC timestamps and nothing else", () => {
    assert.equal(sig.parseTimestamp("2026-11-28T08:00:00Z")?.toISOString(), "2026-11-28T08:00:00.000Z");
    assert.ok(sig.parseTimestamp("2026-11-28T08:00:00.123Z"));
    for (const bad of [
      "2026-11-28 08:00:00",
      "2026-11-28T08:00:00+08:00",
      "2026-02-30T08:00:00Z",
      "1764316800",
      "",
      "2026-11-28T24:00:00Z",
    ]) {
      assert.equal(sig.parseTimestamp(bad), null, bad);
    }
  });

  it("accepts a timestamp up to 15 minutes off either way, not a second more", () => {
    const now = new Date("2026-11-28T08:00:00Z");
    const at = (ms: number) => new Date(now.getTime() + ms);
    assert.equal(sig.timestampInWindow(at(15 * 60_000), now), true);
    assert.equal(sig.timestampInWindow(at(-15 * 60_000), now), true);
    assert.equal(sig.timestampInWindow(at(15 * 60_000 + 1000), now), false);
    assert.equal(sig.timestampInWindow(at(-15 * 60_000 - 1000), now), false);
  });

  it("compares signatures in constant time and exactly", () => {
    assert.equal(sig.constantTimeEqual("abc", "abc"), true);
    assert.equal(sig.constantTimeEqual("abc", "abd"), false);
    assert.equal(sig.constantTimeEqual("abc", "abcd"), false);
    assert.equal(sig.constantTimeEqual("", ""), true);
  });

  it("percent-encodes as RFC 3986 does", () => {
    assert.equal(sig.percentEncode("a b+*~!'()/é"), "a%20b%2B%2A~%21%27%28%29%2F%C3%A9");
  });
});

describe("DTS error mapping", () => {
  it("answers an operation's refusal in the DTS shape with Code repeated for the clients", async () => {
    const res = operationRefusal(fail("QuotaExceeded.ConsumerGroup", "Full."), { requestId: "R1", hostId: "h" });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get("cache-control"), "no-store");
    assert.deepEqual(await res.json(), {
      RequestId: "R1",
      Success: "false",
      ErrCode: "QuotaExceeded.ConsumerGroup",
      ErrMessage: "Full.",
      HttpStatusCode: "400",
      Code: "QuotaExceeded.ConsumerGroup",
      Message: "Full.",
    });
  });

  it("puts the field's own message in place of the form's general one", async () => {
    // As runAction answers (worded), and as lib writes it (keys), in either language.
    const res = operationRefusal(fail("InvalidParameter.Password", "Check the highlighted fields.", { password: "Too short." }), {
      requestId: "R",
      hostId: "h",
    });
    assert.equal(((await res.json()) as { ErrMessage: string }).ErrMessage, "Too short.");
    const keyed = fail("InvalidParameter.Password", "errors.checkFields", { password: "validation.password.tooShort" });
    const en = operationRefusal(keyed, { requestId: "R", hostId: "h" });
    assert.equal(((await en.json()) as { ErrMessage: string }).ErrMessage, "The password must be at least 8 characters long.");
    const zh = operationRefusal(keyed, { requestId: "R", hostId: "h", locale: "zh-CN" });
    const body = (await zh.json()) as Record<string, string>;
    assert.deepEqual([body.ErrCode, body.ErrMessage], ["InvalidParameter.Password", "密码至少 8 个字符。"]);
  });

  it("answers a role refusal as the gateway's Forbidden.RAM, 403", async () => {
    const res = operationRefusal(fail("Forbidden.Role", "Your role (viewer) is not allowed to do this."), { requestId: "R2", hostId: "h" });
    assert.equal(res.status, 403);
    const body = (await res.json()) as Record<string, string>;
    assert.equal(body.Code, "Forbidden.RAM");
    assert.equal(body.RequestId, "R2");
    assert.equal(body.ErrCode, undefined);
  });

  it("maps every code to a 4xx, NotFound to 404, and only an internal error to 503: never a 500", () => {
    for (const code of ERROR_CODES) {
      const status = statusOf(code);
      assert.ok((status >= 400 && status < 500) || (code === "InternalError" && status === 503), `${code} → ${status}`);
    }
    assert.equal(statusOf("NotFound"), 404);
    assert.equal(statusOf("OperationDenied.InstanceStatus"), 403);
    assert.equal(statusOf("Throttling.User"), 429);
  });
});

describe("detecting API calls at /", () => {
  const h = (init: Record<string, string> = {}) => new Headers(init);
  it("takes signed GETs and POSTs, leaves a browser's / and other paths to the console", () => {
    assert.equal(isOpenApiCall("GET", "/", new URLSearchParams("Action=DescribeConsumerGroup&Signature=x"), h()), true);
    assert.equal(isOpenApiCall("POST", "/", new URLSearchParams(), h({ "content-type": "application/x-www-form-urlencoded" })), true);
    assert.equal(isOpenApiCall("POST", "/", new URLSearchParams("Action=X"), h({ authorization: "ACS3-HMAC-SHA256 Credential=x" })), true);
    assert.equal(isOpenApiCall("POST", "/", new URLSearchParams(), h({ "x-acs-action": "X" })), true);
    assert.equal(isOpenApiCall("GET", "/", new URLSearchParams(), h({ accept: "text/html" })), false);
    assert.equal(isOpenApiCall("GET", "/change-tracking", new URLSearchParams("Action=X"), h()), false);
    assert.equal(
      isOpenApiCall("POST", "/", new URLSearchParams(), h({ "content-type": "text/plain;charset=UTF-8", "next-action": "abc" })),
      false,
    );
  });
  it("lets the rewritten call through the proxy without a session: the handler checks the signature", () => {
    assert.equal(unauthenticatedTreatment("POST", "/api/openapi"), "allow");
    assert.equal(unauthenticatedTreatment("GET", "/api/openapi"), "allow");
    assert.equal(unauthenticatedTreatment("GET", "/api/openapix"), "unauthorized");
  });
});

describe("AccessKey secrets at rest", () => {
  const key = randomBytes(32);
  it("round-trips, and the ciphertext shows nothing of the secret", () => {
    const ct = crypto.encryptSecret("TopSecretValue123", "LTAI0000TestKey000000001", key);
    assert.match(ct, /^v1:[A-Za-z0-9_-]{40,255}$/);
    assert.ok(!ct.includes("TopSecret"));
    assert.equal(crypto.decryptSecret(ct, "LTAI0000TestKey000000001", key), "TopSecretValue123");
  });
  it("does not decrypt on another row or under another key", () => {
    const ct = crypto.encryptSecret("TopSecretValue123", "LTAI0000TestKey000000001", key);
    assert.throws(() => crypto.decryptSecret(ct, "LTAI0000TestKey000000002", key));
    assert.throws(() => crypto.decryptSecret(ct, "LTAI0000TestKey000000001", randomBytes(32)));
  });
  it("takes DTS_SECRET_KEY; refuses a PostgreSQL console without one, and a key of the wrong size", () => {
    const configured = randomBytes(32).toString("base64");
    assert.deepEqual(crypto.getSecretKey({ DTS_SECRET_KEY: configured }), Buffer.from(configured, "base64"));
    assert.throws(
      () => crypto.getSecretKey({ DATABASE_URL: "postgres://x/y" }),
      (e: Error) => e instanceof crypto.AccessKeyCryptoUnavailable && /DTS_SECRET_KEY/.test(e.message),
    );
    assert.throws(() => crypto.getSecretKey({ DTS_SECRET_KEY: "c2hvcnQ=" }), /32 bytes/);
    assert.match(crypto.accessKeyCryptoProblem({ DATABASE_URL: "postgres://x/y" }) ?? "", /DTS_SECRET_KEY/);
  });
});

// ---------------------------------------------------------------------------------------------
// The whole API in process, with the official clients unmodified.

type Body = Record<string, unknown>;
const users = {
  admin: { id: "", username: "admin", role: "admin" as const },
  operator: { id: "", username: "operator", role: "operator" as const },
  viewer: { id: "", username: "viewer", role: "viewer" as const },
};

async function userIds() {
  const { prisma } = await getConnection();
  for (const role of ["admin", "operator", "viewer"] as const) {
    users[role].id = (await prisma.user.findUniqueOrThrow({ where: { username: role }, select: { id: true } })).id;
  }
}

async function auditOf(action: string, groupId?: string) {
  const { prisma } = await getConnection();
  return prisma.auditLog.findMany({ where: { action, ...(groupId ? { groupId } : {}) }, orderBy: { id: "desc" } });
}

async function passwordHashOf(groupId: string) {
  const { prisma } = await getConnection();
  return (await prisma.consumerGroup.findUnique({ where: { id: groupId }, omit: { passwordHash: false } }))?.passwordHash;
}

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
      select: { id: true, username: true },
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
      ConsumerGroupUserName: `${group.username}x`,
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
