import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { decode, encode } from "next-auth/jwt";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { SESSION_MAX_AGE } from "../../lib/auth/session-policy";
import { findPgBin, startPgServer, type PgServer } from "../pg-server";
import { signIn, startConsole, type ConsoleServer } from "../helpers/console-http";

// Sessions end when the policy says, over real HTTP against the production server (docs/rules.md
// "Sessions"): the token's own expiry is 8 hours; a session ended by signing out, a password
// change, a role change or its age reaches the sign-in form with "your session ended" (never a
// redirect loop), and /api/auth/session says signed out.
const pgBin = findPgBin();
const built = existsSync(".next/BUILD_ID");
if (process.env.CI && !pgBin) throw new Error("CI needs Debian's postgresql-15 binaries.");
if (process.env.CI && !built) throw new Error("CI runs these after `next build`: no .next/BUILD_ID here.");
const skip = !pgBin ? "no PostgreSQL server binaries here" : !built ? "no production build (.next): run `next build` first" : false;

const PASSWORD = "Sessions#Http2026";
const SECRET = "sessions-http-test-secret-0123456789abcdef";

describe("sessions over HTTP", { skip }, () => {
  let db: PgServer;
  let sql: pg.Pool;
  let server: ConsoleServer;

  before(async () => {
    db = await startPgServer(pgBin!);
    server = await startConsole({ DATABASE_URL: db.url, DTS_DATA_DIR: "", DEMO: "1", DEMO_PASSWORD: PASSWORD, NEXTAUTH_SECRET: SECRET });
    sql = new pg.Pool({ connectionString: db.url, max: 2 });
  });
  after(async () => {
    await server.stop();
    await sql.end();
    db.stop();
  });

  const get = (path: string, cookie: string) => fetch(`${server.url}${path}`, { headers: { cookie }, redirect: "manual" });

  /** Follows redirects by hand from a console page: where it ends, and how many hops it took. */
  async function land(path: string, cookie: string) {
    let at = path;
    for (let hops = 0; hops < 6; hops++) {
      const res = await get(at, cookie);
      const location = res.headers.get("location");
      if (res.status < 300 || res.status >= 400 || !location) return { at, hops, status: res.status, html: await res.text() };
      await res.arrayBuffer();
      at = new URL(location, server.url).pathname + new URL(location, server.url).search;
    }
    assert.fail(`a redirect loop from ${path}`);
  }

  async function assertEnded(cookie: string, how: string) {
    const page = await land("/change-tracking", cookie);
    assert.equal(page.status, 200, how);
    assert.match(page.at, /^\/login/, `${how}: ends at the sign-in page`);
    assert.ok(page.hops <= 1, `${how}: ${page.hops} redirects`);
    assert.match(page.html, /Your session has expired/, `${how}: says the session ended`);
    assert.match(page.html, /name="password"|id="password"/, `${how}: shows the form`);
    const login = await get("/login", cookie);
    assert.equal(login.status, 200, `${how}: the sign-in page itself does not send the user back`);
    await login.arrayBuffer();
    const session = await get("/api/auth/session", cookie);
    assert.deepEqual(await session.json(), {}, `${how}: /api/auth/session says signed out`);
    assert.ok(
      session.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token=;") && /Max-Age=0/i.test(c)),
      `${how}: the cookie is cleared, not re-issued`,
    );
  }

  it("the token's own expiry is 8 hours from sign-in", async () => {
    const cookie = await signIn(server.url, "viewer", PASSWORD);
    const claims = await decode({ token: cookie.split("=").slice(1).join("="), secret: SECRET });
    assert.ok(claims && typeof claims.exp === "number" && typeof claims.iat === "number");
    assert.equal(claims.exp - claims.iat, SESSION_MAX_AGE);
    assert.equal(typeof claims.at, "number");
    const live = await get("/api/auth/session", cookie);
    assert.equal(((await live.json()) as { user?: { id?: string } }).user?.id !== undefined, true);
  });

  it("after sign-out", async () => {
    const cookie = await signIn(server.url, "viewer", PASSWORD);
    const csrf = await fetch(`${server.url}/api/auth/csrf`, { headers: { cookie } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const jar = [cookie, ...csrf.headers.getSetCookie().map((c) => c.split(";", 1)[0])].join("; ");
    const out = await fetch(`${server.url}/api/auth/signout`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
      body: new URLSearchParams({ csrfToken, json: "true" }),
      redirect: "manual",
    });
    await out.arrayBuffer();
    await assertEnded(cookie, "signed out");
  });

  it("after a password change and after a role change", async () => {
    const a = await signIn(server.url, "operator", PASSWORD);
    await sql.query(`UPDATE app_user SET password_hash = $1 WHERE username = 'operator'`, [await hashPassword(PASSWORD)]);
    await assertEnded(a, "password changed");
    const b = await signIn(server.url, "operator", PASSWORD);
    await sql.query(`UPDATE app_user SET role = 'viewer' WHERE username = 'operator'`);
    await assertEnded(b, "role changed");
    await sql.query(`UPDATE app_user SET role = 'operator' WHERE username = 'operator'`);
  });

  it("past 8 hours from sign-in, even in a token re-issued since", async () => {
    const cookie = await signIn(server.url, "admin", PASSWORD);
    const claims = await decode({ token: cookie.split("=").slice(1).join("="), secret: SECRET });
    const old = await encode({
      token: { ...claims, at: Math.floor(Date.now() / 1000) - SESSION_MAX_AGE - 60 },
      secret: SECRET,
      maxAge: 3600,
    });
    await assertEnded(`next-auth.session-token=${old}`, "over 8 hours");
  });

  it("garbage cookies and a GET of the credentials callback: no 500, one short log line", async () => {
    const before = server.output().length;
    for (let i = 0; i < 12; i++) {
      const res = await get("/api/auth/session", `next-auth.session-token=garbage${i}.x.y.z.w`);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), {});
    }
    const callback = await get("/api/auth/callback/credentials", "");
    assert.equal(callback.status, 405);
    await callback.arrayBuffer();
    const log = server.output().slice(before);
    assert.doesNotMatch(log, /^\s+at /m, "no stack trace");
    assert.ok(log.split("\n").filter((l) => l.includes("[auth]")).length <= 6, log);
  });
});
