import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import { encode } from "next-auth/jwt";
import {
  ACTION_BODY_LIMIT,
  ACTION_MAX_ARGS,
  ACTION_MAX_DEPTH,
  checkActionBodyText,
  checkActionHeaders,
  guardServerAction,
  isPossibleServerAction,
  isSameOrigin,
  readCapped,
  requestHost,
} from "../../lib/security/action-guard";
import { OPENAPI_HOST_HEADER, openApiHostHeaders } from "../../lib/openapi/detect";
import {
  buildCsp,
  createNonce,
  HSTS,
  isHttps,
  PERMISSIONS_POLICY,
  setSecurityHeaders,
  STATIC_ASSET_CSP,
  STATIC_SECURITY_HEADERS,
} from "../../lib/security/headers";
import * as edge from "../../lib/security/http-edge.mjs";
import { PUBLIC_FILES, unauthenticatedTreatment } from "../../lib/security/routes";
import { readSessionCookie, verifySessionToken } from "../../lib/security/session";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe("buildCsp", () => {
  const nonce = createNonce();
  const csp = directives(buildCsp({ nonce }));

  it("allows scripts only with the nonce (strict-dynamic), never unsafe-inline or unsafe-eval in production", () => {
    assert.deepEqual(csp.get("script-src"), ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
  });
  it("adds unsafe-eval in development only", () => {
    assert.ok(
      directives(buildCsp({ nonce, dev: true }))
        .get("script-src")!
        .includes("'unsafe-eval'"),
    );
    assert.ok(
      !directives(buildCsp({ nonce, dev: true }))
        .get("script-src")!
        .includes("'unsafe-inline'"),
    );
  });
  it("refuses framing, foreign bases, foreign form targets and plugins", () => {
    assert.deepEqual(csp.get("frame-ancestors"), ["'none'"]);
    assert.deepEqual(csp.get("base-uri"), ["'self'"]);
    assert.deepEqual(csp.get("form-action"), ["'self'"]);
    assert.deepEqual(csp.get("object-src"), ["'none'"]);
    assert.deepEqual(csp.get("default-src"), ["'self'"]);
  });
  it("has no nonce in style-src (it would switch unsafe-inline off for Radix's style attributes)", () => {
    assert.ok(!csp.get("style-src")!.some((v) => v.startsWith("'nonce-")));
  });
  it("upgrades insecure requests only over https", () => {
    assert.ok(!csp.has("upgrade-insecure-requests"));
    assert.ok(directives(buildCsp({ nonce, https: true })).has("upgrade-insecure-requests"));
  });
  it("refuses a nonce that could inject a directive", () => {
    assert.throws(() => buildCsp({ nonce: "abc'; script-src *" }));
    assert.throws(() => buildCsp({ nonce: "" }));
  });
  it("yields the nonce Next.js extracts (its own pattern)", () => {
    const source = csp.get("script-src")!.find((v) => v.startsWith("'nonce-"))!;
    assert.match(source, /^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/);
  });
});

describe("createNonce", () => {
  it("is base64 of 128 bits and differs each time", () => {
    const seen = new Set(Array.from({ length: 200 }, () => createNonce()));
    assert.equal(seen.size, 200);
    for (const n of seen) assert.equal(Buffer.from(n, "base64").length, 16);
  });
});

describe("setSecurityHeaders and isHttps", () => {
  const plain = { get: (_: string) => null };
  it("sets every static header, and HSTS only over https", () => {
    const h = new Headers();
    setSecurityHeaders(h, { csp: "default-src 'self'", https: false });
    for (const { key, value } of STATIC_SECURITY_HEADERS) assert.equal(h.get(key), value);
    assert.equal(h.get("x-frame-options"), "DENY");
    assert.equal(h.get("x-content-type-options"), "nosniff");
    assert.equal(h.get("referrer-policy"), "strict-origin-when-cross-origin");
    assert.match(h.get("permissions-policy")!, /camera=\(\).*geolocation=\(\).*microphone=\(\)/);
    assert.equal(h.get("strict-transport-security"), null);
    const s = new Headers();
    setSecurityHeaders(s, { csp: "default-src 'self'", https: true });
    assert.match(s.get("strict-transport-security")!, /^max-age=\d{8,}/);
  });
  it("knows https from the URL or the forwarding proxy", () => {
    assert.equal(isHttps("http://a.test/", plain), false);
    assert.equal(isHttps("https://a.test/", plain), true);
    assert.equal(isHttps(new URL("http://a.test/"), new Headers({ "x-forwarded-proto": "https" })), true);
    assert.equal(isHttps(new URL("http://a.test/"), new Headers({ "x-forwarded-proto": "http, https" })), false);
  });
});

describe("origin check of server actions", () => {
  it("accepts the same host:port, any case", () => {
    assert.equal(isSameOrigin("http://127.0.0.1:3100", "127.0.0.1:3100"), true);
    assert.equal(isSameOrigin("https://Console.Example", "console.example"), true);
  });
  it("accepts a request without Origin (no browser credentials ride on it; Next.js allows it too)", () => {
    assert.equal(isSameOrigin(null, "127.0.0.1:3100"), true);
  });
  for (const [origin, host] of [
    ["http://evil.invalid", "127.0.0.1:3100"],
    ["http://127.0.0.1:3101", "127.0.0.1:3100"],
    ["http://127.0.0.1", "127.0.0.1:3100"],
    ["null", "127.0.0.1:3100"],
    ["not a url", "127.0.0.1:3100"],
    ["file:///etc/passwd", "127.0.0.1:3100"],
    ["http://127.0.0.1:3100", ""],
  ] as const) {
    it(`refuses Origin ${JSON.stringify(origin)} for host ${JSON.stringify(host)}`, () =>
      assert.equal(isSameOrigin(origin, host || null), false));
  }
  it("compares with the first X-Forwarded-Host behind a trusted proxy, else Host", () => {
    const forwarded = new Headers({ host: "internal:3000", "x-forwarded-host": "console.example, other" });
    assert.equal(requestHost(forwarded, 1), "console.example");
    assert.equal(requestHost(new Headers({ host: "internal:3000" }), 1), "internal:3000");
  });
  it("ignores a client's X-Forwarded-Host when no proxy is trusted (TRUST_PROXY_HOPS=0, the default)", () => {
    assert.equal(requestHost(new Headers({ host: "127.0.0.1:3100", "x-forwarded-host": "evil.invalid" }), 0), "127.0.0.1:3100");
    assert.equal(requestHost(new Headers({ host: "127.0.0.1:3100", "x-forwarded-host": "evil.invalid" })), "127.0.0.1:3100");
  });
});

describe("server-action guard", () => {
  const base = { host: "127.0.0.1:3100", origin: "http://127.0.0.1:3100", "next-action": "x", "content-type": "text/plain;charset=UTF-8" };
  const check = (extra: Record<string, string>) => checkActionHeaders(new Headers({ ...base, ...extra }));

  it("recognises what Next.js would run as an action", () => {
    assert.equal(isPossibleServerAction("POST", new Headers({ "next-action": "abc" })), true);
    assert.equal(isPossibleServerAction("POST", new Headers({ "content-type": "multipart/form-data; boundary=x" })), true);
    assert.equal(isPossibleServerAction("POST", new Headers({ "content-type": "application/x-www-form-urlencoded" })), true);
    assert.equal(isPossibleServerAction("GET", new Headers({ "next-action": "abc" })), false);
    assert.equal(isPossibleServerAction("POST", new Headers({ "content-type": "text/plain" })), false);
  });
  it("passes a same-origin text call", () => assert.equal(check({ "content-length": "20" }), null));
  it("refuses a foreign Origin with 403", () => assert.equal(check({ origin: "http://evil.invalid" })?.status, 403));
  it("refuses a foreign Origin with 403 whatever X-Forwarded-Host the client adds (no trusted proxy)", () =>
    assert.equal(check({ origin: "http://evil.invalid", "x-forwarded-host": "evil.invalid" })?.status, 403));
  it("refuses a declared length over 1 MB with 413", () =>
    assert.equal(check({ "content-length": String(ACTION_BODY_LIMIT + 1) })?.status, 413));
  it("accepts exactly 1 MB declared", () => assert.equal(check({ "content-length": String(ACTION_BODY_LIMIT) }), null));
  it("refuses multipart with 415", () => assert.equal(check({ "content-type": "multipart/form-data; boundary=abc" })?.status, 415));
  it("refuses url-encoded with 415, any case and parameters", () =>
    assert.equal(check({ "content-type": "Application/X-WWW-Form-Urlencoded; charset=utf-8" })?.status, 415));
  it("answers with a code and a message", () => {
    const r = check({ origin: "http://evil.invalid" })!;
    assert.equal(r.code, "Forbidden.Origin");
    assert.ok(r.message.length > 10);
  });
  it("words the refusal in the browser's language: its language cookie, else Accept-Language, else English", async () => {
    const refuse = (extra: Record<string, string>) =>
      guardServerAction(
        new Request("http://127.0.0.1:3100/x", { method: "POST", headers: { ...base, origin: "http://evil.invalid", ...extra } }),
      );
    assert.deepEqual(await refuse({}), {
      status: 403,
      code: "Forbidden.Origin",
      message: "Cross-site requests to server actions are refused: the Origin does not match this console.",
    });
    assert.equal((await refuse({ "accept-language": "zh-CN,zh;q=0.9" }))?.message, "拒绝跨站调用 Server Action：Origin 与本控制台不一致。");
    assert.equal((await refuse({ "accept-language": "zh-CN", cookie: "a=b; NEXT_LOCALE=en" }))?.code, "Forbidden.Origin");
    assert.match((await refuse({ "accept-language": "zh-CN", cookie: "a=b; NEXT_LOCALE=en" }))?.message ?? "", /^Cross-site/);
    assert.match((await refuse({ cookie: "NEXT_LOCALE=zh-CN" }))?.message ?? "", /^拒绝跨站/);
  });

  const bytes = (s: string) => new TextEncoder().encode(s);
  it("accepts a JSON array body (React's encoding of the arguments)", () => {
    assert.equal(checkActionBodyText(bytes('[{"instanceId":"dtsx","name":"a"}]')), null);
    assert.equal(checkActionBodyText(bytes("[]")), null);
  });
  for (const body of ["", "hello", "{", '{"a":1}', "1", '"text"', "null"]) {
    it(`refuses body ${JSON.stringify(body)} with 400`, () => assert.equal(checkActionBodyText(bytes(body))?.status, 400));
  }
  // What React's encodeReply writes for the console's arguments: JSON values, a user's own "$"
  // strings escaped as "$$", an unset field as "$undefined"…
  for (const body of ['[{"groupId":"$$1","name":"$$$$","t":"$$T"}]', '[{"time":"$undefined"}]', '[[1,2,3],{"k":[["a","b"]]}]']) {
    it(`accepts ${body}`, () => assert.equal(checkActionBodyText(bytes(body)), null));
  }
  it('accepts what React\'s own client writes for user strings that start with "$" (it escapes them)', async () => {
    const require = createRequire(import.meta.url);
    const { encodeReply, createTemporaryReferenceSet } = require("next/dist/compiled/react-server-dom-webpack/client.node") as {
      encodeReply: (value: unknown, options?: { temporaryReferences?: unknown }) => Promise<string | FormData>;
      createTemporaryReferenceSet: () => unknown;
    };
    const specials = [
      "$T",
      "$D2026-01-01",
      "$n1",
      "$Q1",
      "$W1",
      "$K1",
      "$B1",
      "$@1",
      "$h1",
      "$F1",
      "$Y",
      "$0",
      "$1",
      "$",
      "$$",
      "$undefined",
    ];
    const body = await encodeReply([{ time: undefined, names: specials }], { temporaryReferences: createTemporaryReferenceSet() });
    assert.equal(typeof body, "string");
    assert.ok(typeof body === "string" && body.includes('"$$T"'), `React escapes a plain "$T": ${typeof body === "string" ? body : ""}`);
    assert.equal(checkActionBodyText(bytes(body)), null);
  });
  // …and everything else React's decoder would read as a special value: what makes it throw (a
  // 500 from Next.js: parts a text body cannot have, paths to nothing), or what reaches the action
  // as something no console action takes (a temporary reference that throws when touched — Next.js
  // answered ["$T"] with 500 — a Date, a BigInt, a path back into the body); too many arguments
  // (spread onto the call stack), deep nesting, huge arrays.
  for (const body of [
    '["$T"]',
    '[{"name":"$T"}]',
    '["$D2026-01-01T00:00:00.000Z"]',
    '["$n12"]',
    '["$-0"]',
    '["$Infinity"]',
    '["$NaN"]',
    '["$W1"]',
    '["$Y"]',
    '["$u"]',
    '["$0"]',
    '[{"a":{"x":1},"b":"$0:0:a"}]',
    '["$1"]',
    '["$K1"]',
    '["$Q1"]',
    '["$@1"]',
    '["$h1"]',
    '["$B1"]',
    '["$F1"]',
    '["$ff"]',
    '["$"]',
    '["$n1x"]',
    `["$n${"1".repeat(301)}"]`,
    '[{"name":"$1:a:b"}]',
    '["$0:x:y"]',
    '[{"a":"$0:0:b"}]',
    '[{"__proto__":{"a":1}},"$0:0:__proto__"]',
    `[${Array(ACTION_MAX_ARGS + 1)
      .fill("1")
      .join(",")}]`,
    "[".repeat(ACTION_MAX_DEPTH + 1) + "]".repeat(ACTION_MAX_DEPTH + 1),
    '\uFEFF["a"]',
  ]) {
    it(`refuses ${body.slice(0, 50)} with 400`, () => assert.equal(checkActionBodyText(bytes(body))?.status, 400));
  }
  it("refuses what would pass React's array-size limit, like React (only with an array of two or more)", () => {
    assert.equal(checkActionBodyText(bytes(`[["${"a".repeat(1_000_000)}"," "]]`))?.status, 413);
    assert.equal(checkActionBodyText(bytes(`[{"a":"${"a".repeat(1_000_000)}"}]`)), null);
  });
  it("refuses invalid UTF-8 with 400", () => assert.equal(checkActionBodyText(new Uint8Array([0x5b, 0xff, 0x5d]))?.status, 400));
  it("refuses a body over 1 MB with 413", () => assert.equal(checkActionBodyText(new Uint8Array(ACTION_BODY_LIMIT + 1))?.status, 413));

  it("reads at most limit + 1 bytes of a stream", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1000));
        if (pulled > 1000) controller.close();
      },
    });
    const read = await readCapped(stream, 5000);
    assert.equal(read.byteLength, 6000);
    assert.ok(pulled < 20);
    assert.equal((await readCapped(null)).byteLength, 0);
  });

  it("does not hang on a cloned body whose other branch is never read (chunked upload over the limit)", async () => {
    const request = new Request("http://a.test/", {
      method: "POST",
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 30; i++) controller.enqueue(new Uint8Array(1000));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    const read = await Promise.race([
      readCapped(request.clone().body, 5000),
      new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), 2000).unref()),
    ]);
    assert.notEqual(read, "hung");
    assert.equal((read as Uint8Array).byteLength, 6000);
  });
});

describe("the floor of security headers (server.mjs, before Next.js answers)", () => {
  it("is every header setSecurityHeaders sets, from the one source both read", () => {
    const floor = new Map(edge.floorHeaders({ https: false }).map(({ key, value }) => [key.toLowerCase(), value]));
    const set = new Headers();
    setSecurityHeaders(set, { csp: STATIC_ASSET_CSP, https: false });
    assert.deepEqual(new Map([...set].map(([k, v]) => [k, v])), floor);
    assert.equal(floor.get("permissions-policy"), PERMISSIONS_POLICY);
    assert.equal(STATIC_SECURITY_HEADERS, edge.STATIC_SECURITY_HEADERS);
    const https = new Map(edge.floorHeaders({ https: true }).map(({ key, value }) => [key.toLowerCase(), value]));
    assert.equal(https.get("strict-transport-security"), HSTS);
  });

  /** The edge around a stand-in for Next.js's handler; resolves with the answer's status, headers and body. */
  async function throughEdge(
    handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void,
    options: { hops: number; headers?: Record<string, string> },
  ) {
    const server = createServer(edge.createEdgeListener(handle, { hops: options.hops, log: () => {} }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/change-tracking/`, { headers: options.headers, redirect: "manual" });
      return { status: res.status, headers: res.headers, body: await res.text() };
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }
  const expectEverySecurityHeader = (headers: Headers, label: string) => {
    for (const { key, value } of STATIC_SECURITY_HEADERS) assert.equal(headers.get(key), value, `${label}: ${key}`);
    assert.equal(headers.get("content-security-policy"), STATIC_ASSET_CSP, label);
  };

  it("is on an answer Next.js makes before its config and the proxy run (the trailing-slash 308)", async () => {
    const answer = await throughEdge(
      (_req, res) => {
        res.writeHead(308, { location: "/change-tracking" });
        res.end();
      },
      { hops: 0 },
    );
    assert.equal(answer.status, 308);
    expectEverySecurityHeader(answer.headers, "308");
    assert.equal(answer.headers.get("strict-transport-security"), null);
  });
  it("is the whole of the fallback 500 when Next.js's handler fails, whatever it had set", async () => {
    const answer = await throughEdge(
      (_req, res) => {
        res.setHeader("Permissions-Policy", "camera=*");
        res.setHeader("X-Leak", "internal");
        return Promise.reject(new Error("boom"));
      },
      { hops: 0 },
    );
    assert.equal(answer.status, 500);
    assert.equal(answer.body, "Internal Server Error");
    expectEverySecurityHeader(answer.headers, "500");
    assert.equal(answer.headers.get("x-leak"), null);
    assert.equal(answer.headers.get("cache-control"), "no-store");
  });
  it("adds HSTS only when a trusted proxy says https", async () => {
    const noop = (_req: IncomingMessage, res: ServerResponse) => {
      res.end("ok");
    };
    const claimed = await throughEdge(noop, { hops: 0, headers: { "x-forwarded-proto": "https" } });
    assert.equal(claimed.headers.get("strict-transport-security"), null);
    const trusted = await throughEdge(noop, { hops: 1, headers: { "x-forwarded-proto": "https" } });
    assert.equal(trusted.headers.get("strict-transport-security"), HSTS);
    assert.equal(edge.isHttpsRequest({ "x-forwarded-proto": "https" }, { hops: 0 }), false);
    assert.equal(edge.isHttpsRequest({ "x-forwarded-proto": "https, http" }, { hops: 1 }), true);
    assert.equal(edge.isHttpsRequest({}, { hops: 0, encrypted: true }), true);
  });
});

describe("the OpenAPI handler's host header (proxy.ts)", () => {
  const request = new Headers({ host: "127.0.0.1:3100", [OPENAPI_HOST_HEADER]: "evil.invalid" });
  it("is the request's own Host on a request to the handler, never the value it came with", () => {
    assert.equal(openApiHostHeaders(request, true).get(OPENAPI_HOST_HEADER), "127.0.0.1:3100");
  });
  it("is absent from every other request", () => {
    assert.equal(openApiHostHeaders(request, false).get(OPENAPI_HOST_HEADER), null);
    assert.equal(openApiHostHeaders(request, false).get("host"), "127.0.0.1:3100");
  });
});

describe("which requests need a session", () => {
  const cases: Array<[string, string, ReturnType<typeof unauthenticatedTreatment>]> = [
    ["GET", "/", "sign-in"],
    ["GET", "/change-tracking", "sign-in"],
    ["GET", "/change-tracking/dtsx/consume", "sign-in"],
    ["GET", "/audit", "sign-in"],
    ["GET", "/no-such-page", "sign-in"],
    ["GET", "/loginx", "sign-in"],
    ["GET", "/login", "allow"],
    ["POST", "/", "sign-in"],
    ["GET", "/api/instances/x/consumer-groups", "unauthorized"],
    ["GET", "/api", "unauthorized"],
    ["GET", "/api/authx", "unauthorized"],
    ["GET", "/api/auth/session", "allow"],
    ["POST", "/api/auth/callback/credentials", "allow"],
    ["POST", "/api/consumer/connect", "allow"],
    ["GET", "/icon.svg", "allow"],
    ["HEAD", "/apple-touch-icon.png", "allow"],
    ["GET", "/manifest.webmanifest", "allow"],
    ["POST", "/icon.svg", "sign-in"],
    ["GET", "/icon.svg/x", "sign-in"],
    ["GET", "/icon.svgx", "sign-in"],
  ];
  for (const [method, path, want] of cases)
    it(`${method} ${path} → ${want}`, () => assert.equal(unauthenticatedTreatment(method, path), want));
  it("lets every file of public/ through, and only those", () => {
    assert.deepEqual(
      [...PUBLIC_FILES].sort(),
      readdirSync("public")
        .map((name) => `/${name}`)
        .sort(),
    );
    for (const path of PUBLIC_FILES) assert.equal(unauthenticatedTreatment("GET", path), "allow", path);
  });
});

describe("session token verification", () => {
  const secret = "unit-test-secret-0123456789abcdef";
  const claims = { uid: "u1", username: "admin", role: "admin" as const, at: Math.floor(Date.now() / 1000) };

  it("accepts a token it signed", async () => {
    const token = await encode({ token: claims, secret, maxAge: 60 });
    assert.equal((await verifySessionToken(token, secret))?.uid, "u1");
  });
  it("refuses a made-up value", async () => assert.equal(await verifySessionToken("x", secret), null));
  it("refuses a token signed with another secret", async () => {
    const token = await encode({ token: claims, secret: "another-secret-entirely", maxAge: 60 });
    assert.equal(await verifySessionToken(token, secret), null);
  });
  it("refuses an expired token", async () => {
    const token = await encode({ token: claims, secret, maxAge: -3600 });
    assert.equal(await verifySessionToken(token, secret), null);
  });
  it("refuses a token that names no user", async () => {
    const token = await encode({ token: { username: "admin" }, secret, maxAge: 60 });
    assert.equal(await verifySessionToken(token, secret), null);
  });
  it("refuses a tampered token", async () => {
    const token = await encode({ token: claims, secret, maxAge: 60 });
    const parts = token.split(".");
    const ct = Buffer.from(parts[3], "base64url");
    ct[0] ^= 1;
    parts[3] = ct.toString("base64url");
    assert.equal(await verifySessionToken(parts.join("."), secret), null);
  });

  const jar = (cookies: Record<string, string>) => ({
    get: (name: string) => (name in cookies ? { value: cookies[name] } : undefined),
    getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })),
  });
  it("reads a cookie whole or from its chunks in order", () => {
    assert.equal(readSessionCookie(jar({ t: "abc" }), "t"), "abc");
    assert.equal(readSessionCookie(jar({ "t.1": "def", "t.0": "abc" }), "t"), "abcdef");
    assert.equal(readSessionCookie(jar({ "t.0": "abc", "t.2": "ghi" }), "t"), null);
    assert.equal(readSessionCookie(jar({ other: "abc" }), "t"), null);
  });
});
