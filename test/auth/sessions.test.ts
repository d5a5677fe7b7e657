// Sessions end when the policy says (docs/rules.md "Sessions"): the proxy's cookie check, the
// token's lifetime, next-auth's routes wrapped by the one full check, and its log lines. Over
// HTTP, each way a session ends reaching the sign-in form: test/servers/sessions-http.test.ts.
process.env.NEXTAUTH_SECRET = "sessions-unit-test-secret-0123456789abcdef";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";

const { verifySessionToken, hasValidSession } = await import("../../lib/security/session");
const { SESSION_MAX_AGE, withinSessionLifetime } = await import("../../lib/auth/session-policy");
const { withAuthRouteRules } = await import("../../lib/auth/auth-route");
const { logAuthLine } = await import("../../lib/auth/auth-logger");

const SECRET = process.env.NEXTAUTH_SECRET;
const now = () => Math.floor(Date.now() / 1000);
const token = (claims: Record<string, unknown>, secret = SECRET, maxAge = SESSION_MAX_AGE) =>
  encode({ token: { uid: "u-admin", sid: "sid-0123456789abcdef", sv: 1, at: now(), ...claims }, secret, maxAge });

/** A cookie jar as the proxy reads it. */
const jar = (cookies: Record<string, string>) => ({
  get: (name: string) => (name in cookies ? { value: cookies[name] } : undefined),
  getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })),
});

describe("the proxy's cookie check", () => {
  it("accepts a token it can verify and nothing else: forged, foreign, garbage, expired or over 8 hours old", async () => {
    assert.equal((await verifySessionToken(await token({})))?.uid, "u-admin");
    assert.equal(await verifySessionToken(await token({}, "another-secret-0123456789abcdef0123456789")), null);
    assert.equal(await verifySessionToken("garbage.garbage.garbage.garbage.garbage"), null);
    assert.equal(await verifySessionToken(await token({}, SECRET, -60)), null, "expired");
    assert.equal(await verifySessionToken(await token({ at: now() - SESSION_MAX_AGE - 60 })), null, "re-issued past the lifetime");
    assert.equal(await verifySessionToken(await token({ at: undefined })), null, "no sign-in time");
    assert.equal(await verifySessionToken(await token({ uid: undefined })), null, "nobody");
  });

  it("hasValidSession reads the cookie (whole or in chunks) and verifies it", async () => {
    const good = await token({});
    assert.equal(await hasValidSession(jar({ "next-auth.session-token": good })), true);
    assert.equal(
      await hasValidSession(jar({ "next-auth.session-token.0": good.slice(0, 100), "next-auth.session-token.1": good.slice(100) })),
      true,
    );
    assert.equal(await hasValidSession(jar({ "next-auth.session-token": `${good.slice(0, -2)}xx` })), false);
    assert.equal(await hasValidSession(jar({ "next-auth.session-token": "present" })), false);
    assert.equal(await hasValidSession(jar({})), false);
  });

  it("the lifetime is 8 hours from sign-in, whatever the token's own expiry says", () => {
    const t = now();
    assert.equal(withinSessionLifetime({ at: t, exp: t + 60 }, t), true);
    assert.equal(withinSessionLifetime({ at: t - SESSION_MAX_AGE + 60, exp: t + SESSION_MAX_AGE }, t), true);
    assert.equal(withinSessionLifetime({ at: t - SESSION_MAX_AGE - 60, exp: t + SESSION_MAX_AGE }, t), false);
    assert.equal(withinSessionLifetime({ at: t, exp: t - 60 }, t), false);
    assert.equal(withinSessionLifetime({ at: t + 3600, exp: t + 7200 }, t), false, "signed in the future");
    assert.equal(withinSessionLifetime({ exp: t + 60 }, t), false);
  });
});

describe("next-auth's routes under the session rules", () => {
  const request = (method: string, path: string, cookie?: string) =>
    new NextRequest(`http://localhost/api/auth/${path}`, { method, headers: cookie ? { cookie } : {} });
  const ended = () => Promise.resolve({ user: null, ended: true as const });
  const passThrough = () => Promise.resolve(Response.json({ user: { id: "u" } }));

  it("GET /api/auth/session with an ended session answers signed out and clears the cookie, never re-issuing it", async () => {
    let delegated = 0;
    const route = withAuthRouteRules(() => {
      delegated++;
      return Promise.resolve(Response.json({ user: { id: "u" } }));
    }, ended);
    const res = await route(request("GET", "session", "next-auth.session-token=abc; next-auth.session-token.1=def"), {});
    assert.deepEqual(await res.json(), {});
    assert.equal(delegated, 0);
    const cleared = res.headers.getSetCookie();
    assert.ok(
      cleared.some((c) => c.startsWith("next-auth.session-token=;") && /Max-Age=0/i.test(c)),
      cleared.join("\n"),
    );
    assert.ok(cleared.some((c) => c.startsWith("next-auth.session-token.1=;")));
    // No cookie: next-auth answers itself.
    await route(request("GET", "session"), {});
    assert.equal(delegated, 1);
  });

  it("a GET of the credentials callback is a 405, and a throwing handler a 400, never a 500", async () => {
    const route = withAuthRouteRules(passThrough, ended);
    const res = await route(request("GET", "callback/credentials"), {});
    assert.equal(res.status, 405);
    assert.equal(res.headers.get("allow"), "POST");
    const throwing = withAuthRouteRules(() => Promise.reject(new Error("boom")), ended);
    const errors: string[] = [];
    const error = console.error;
    console.error = (line: string) => void errors.push(line);
    try {
      assert.equal((await throwing(request("POST", "callback/credentials"), {})).status, 400);
    } finally {
      console.error = error;
    }
    assert.equal(errors.length, 1);
    assert.doesNotMatch(errors[0], /\n/);
  });

  it("a throttled sign-in is a 429 with Retry-After; a wrong password stays a 401", async () => {
    const answer = (error: string) => () =>
      Promise.resolve(Response.json({ url: `http://localhost/login?error=${encodeURIComponent(error)}` }, { status: 401 }));
    const throttled = await withAuthRouteRules(answer("Throttled:42"), ended)(request("POST", "callback/credentials"), {});
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get("retry-after"), "42");
    assert.match(((await throttled.json()) as { url: string }).url, /Throttled/);
    const wrong = await withAuthRouteRules(answer("CredentialsSignin"), ended)(request("POST", "callback/credentials"), {});
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers.get("retry-after"), null);
  });
});

describe("next-auth's log lines", () => {
  it("a rejected token is one line without a stack, and at most 5 a minute per code", () => {
    const lines: string[] = [];
    const error = console.error;
    console.error = (line: string) => void lines.push(line);
    try {
      const failure = new Error("Invalid Compact JWE");
      const t = Date.UTC(2026, 11, 3, 12, 0, 0);
      for (let i = 0; i < 20; i++) logAuthLine("error", "JWT_SESSION_ERROR", { error: failure, message: failure.message }, t + i);
      logAuthLine("error", "JWT_SESSION_ERROR", { error: failure }, t + 60_000);
    } finally {
      console.error = error;
    }
    assert.equal(lines.length, 6);
    assert.ok(
      lines.every((l) => !l.includes("\n") && !/\bat .*:\d+:\d+/.test(l)),
      lines.join("\n"),
    );
    assert.match(lines[0], /^\[auth\] JWT_SESSION_ERROR Error: Invalid Compact JWE$/);
    assert.match(lines[5], /15 more not logged/);
  });
});
