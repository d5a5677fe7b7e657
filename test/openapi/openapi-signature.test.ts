import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import http from "node:http";
import { after, before, describe, it } from "node:test";

// The OpenAPI's signatures, error mapping and detection: what the official clients send, captured
// by a plain node:http server, checked by the console's own parser; and AccessKey secrets at rest.
process.env.DTS_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;
process.env.DTS_SECRET_KEY = randomBytes(32).toString("base64");
delete process.env.DEMO_ACCESS_KEY_SECRET;

const { getConnection } = await import("../../lib/db");
const { parseSignedRequest } = await import("../../lib/openapi/request");
const sig = await import("../../lib/openapi/signature");
const { operationRefusal } = await import("../../lib/openapi/answers");
const { httpStatusOf: statusOf } = await import("../../lib/error-codes");
const { isOpenApiCall } = await import("../../lib/openapi/detect");
const { unauthenticatedTreatment } = await import("../../lib/security/routes");
const { fail } = await import("../../lib/actions/result");
const { ERROR_CODES } = await import("../../lib/error-codes");
const crypto = await import("../../lib/auth/access-key-crypto");
const { openApiClient, OpenApiUtil, popCore, signedV1Query } = await import("../openapi-clients");
const { headersOf, listen, read } = await import("../helpers/openapi-http");
type Captured = import("../helpers/openapi-http").Captured;

/** Answers every request with an empty success and keeps it: what the clients send, byte for byte. */
const captured: Captured[] = [];
const captureServer = http.createServer((req, res) => {
  void read(req).then((body) => {
    captured.push({ method: req.method ?? "GET", url: req.url ?? "/", headers: headersOf(req), body });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ RequestId: "CAPTURED" }));
  });
});

let captureUrl = "";
const SECRET = { accessKeyId: "LTAI0000TestKey000000001", accessKeySecret: "TestSecret0123456789abcdefghij" };

before(async () => {
  await getConnection();
  captureUrl = await listen(captureServer);
});
after(async () => {
  captureServer.close();
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
