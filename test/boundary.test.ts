import assert from "node:assert/strict";
import { after, before, describe, it, beforeEach } from "node:test";

// Issue 6's rules at the edges, on an in-memory database seeded like a fresh console. Each test
// names the line whose deletion it catches.
process.env.DTS_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;

const { getConnection } = await import("../lib/db");
const { performAction, runAction } = await import("../lib/actions/run-action");
const specs = await import("../lib/actions/consumer-group-specs");
const { SEED_IDS } = await import("../lib/demo");
const { groupMaker } = await import("./helpers/groups");
const { connectConsumer, heartbeatConsumer } = await import("../lib/consumer/lease");
const { authenticate } = await import("../lib/auth/authenticate");
const { resolveSessionUser } = await import("../lib/auth/session");
const { revokeSession } = await import("../lib/auth/session-revocation");
const { hashPassword, verifyPassword, getDummyHash } = await import("../lib/auth/password");
const { writeAudit, writeAnonymousRefusal, ANONYMOUS_AUDIT_LIMIT } = await import("../lib/audit");
const { admitAttempt, SIGN_IN_THROTTLE } = await import("../lib/throttle");
const v = await import("../lib/validation/consumer-group");
const { heartbeatRequestSchema, connectRequestSchema } = await import("../lib/validation/consumer");
const { safeCallbackUrl, DEFAULT_AFTER_SIGN_IN } = await import("../lib/validation/auth");
const { clientIpFrom } = await import("../lib/client-ip");
const { sanitizeRequestHeaders } = await import("../lib/security/http-edge.mjs");
const { parseDay, auditQuerySchema } = await import("../lib/validation/audit");
const { taskListQuerySchema } = await import("../lib/validation/task");
const { cleanText } = await import("../lib/validation/text");

type Conn = Awaited<ReturnType<typeof getConnection>>;
let conn: Conn;
let seq = 0;
const admin = { id: "u-admin", username: "admin", role: "admin" as const };
const operator = { id: "u-operator", username: "operator", role: "operator" as const };

// Each test makes its groups on an instance of its own.
let newGroup = groupMaker("bnd");
beforeEach(() => {
  newGroup = groupMaker("bnd");
});

const connect = (user: string, password: string, clientIp: string, verify?: (h: string, p: string) => Promise<boolean>) =>
  connectConsumer(conn.prisma, { user, password }, { clientIp, verify });
const statusOf = (a: Awaited<ReturnType<typeof connect>>) => (a.ok ? 200 : a.refusal.status);

before(async () => {
  conn = await getConnection();
});
after(async () => {
  await conn.close();
});

describe("consumer credential check", () => {
  it("answers an unknown user 401 Unauthorized, never 404", async () => {
    const a = await connect("ghost-dtsnosuchgroup9", "Whatever#1", "192.0.2.1");
    assert.equal(statusOf(a), 401);
    assert.equal(!a.ok && a.refusal.code, "Unauthorized");
  });

  it("verifies a hash for unknown and malformed users too (the dummy one)", async () => {
    const dummy = await getDummyHash();
    for (const user of ["ghost-dtsnosuchgroup8", "no dash at all"]) {
      const seen: string[] = [];
      const spy = async (hash: string, password: string) => {
        seen.push(hash);
        return verifyPassword(hash, password);
      };
      await connect(user, "Whatever#1", "192.0.2.2", spy);
      assert.deepEqual(seen, [dummy], user);
    }
  });

  it("compares the account half of <account>-<groupId>", async () => {
    const g = await newGroup();
    const a = await connect(`someoneelse-${g.id}`, g.password, "192.0.2.3");
    assert.equal(statusOf(a), 401);
    assert.equal(statusOf(await connect(g.user, g.password, "192.0.2.3")), 200);
  });

  it("blocks a client that fails across many users, even for a user it never tried (per-client key)", async () => {
    const ip = "192.0.2.4";
    for (let i = 0; i < 30; i++) assert.equal(statusOf(await connect(`nobody${i}-dtsnosuchgroup7`, "Wrong#123", ip)), 401);
    const g = await newGroup();
    const blocked = await connect(g.user, g.password, ip);
    assert.equal(statusOf(blocked), 429);
    assert.ok(!blocked.ok && blocked.refusal.retryAfter! > 0);
    assert.equal(statusOf(await connect(g.user, g.password, "192.0.2.5")), 200);
  });

  it("cannot be locked out by failures from rotating addresses: a fresh client with the right password gets in", async () => {
    const g = await newGroup();
    const waits: number[] = [];
    const wait = (ms: number) => Promise.resolve(void waits.push(ms));
    for (let i = 0; i < 25; i++)
      assert.equal(
        statusOf(await connectConsumer(conn.prisma, { user: g.user, password: `Wrong#${i}xx` }, { clientIp: `198.18.0.${i + 1}`, wait })),
        401,
      );
    const fresh: number[] = [];
    const answer = await connectConsumer(
      conn.prisma,
      { user: g.user, password: g.password },
      { clientIp: "192.0.2.6", wait: (ms) => Promise.resolve(void fresh.push(ms)) },
    );
    assert.equal(statusOf(answer), 200);
    assert.ok((fresh[0] ?? 0) > 0, "the account is slowed down: the fresh client waited for its slot");
  });

  it("audits refusals, with a NUL or bidi character in the user escaped rather than lost", async () => {
    const user = "evil\u0000-\u202edtsabcdefgh";
    const before = await conn.prisma.auditLog.count({ where: { action: "connectConsumer", result: "refused" } });
    await connect(user, "Wrong#123", "192.0.2.7");
    const rows = await conn.prisma.auditLog.findMany({
      where: { action: "connectConsumer", result: "refused" },
      orderBy: { id: "desc" },
      take: 1,
    });
    assert.equal(await conn.prisma.auditLog.count({ where: { action: "connectConsumer", result: "refused" } }), before + 1);
    assert.equal(rows[0].username, "evil\\u0000-\\u202edtsabcdefgh");
    assert.equal(rows[0].clientIp, "192.0.2.7");
  });

  it("heartbeats: a year-1 checkpoint is refused by the schema; a far-past one is clamped, not overflowed", async () => {
    assert.equal(
      heartbeatRequestSchema.safeParse({ groupId: "dtsabcdefgh", leaseToken: "a".repeat(32), checkpoint: "0001-01-01T00:00:00Z" }).success,
      false,
    );
    assert.equal(heartbeatRequestSchema.safeParse({ groupId: "dtsabcdefgh", leaseToken: "a".repeat(32), unconsumed: -1 }).success, false);
    assert.equal(heartbeatRequestSchema.safeParse({ groupId: "dts\u0000abcdefgh", leaseToken: "a".repeat(32) }).success, false);
    assert.equal(connectRequestSchema.safeParse({ user: "a\u0000-dtsabcdefgh", password: "x" }).success, false);
    const g = await newGroup();
    const c = await connect(g.user, g.password, "192.0.2.8");
    assert.ok(c.ok);
    const hb = await heartbeatConsumer(
      conn.prisma,
      { groupId: g.id, leaseToken: c.data.leaseToken, checkpoint: new Date("2000-01-01T00:00:00Z") },
      { clientIp: null, now: new Date(Date.now() + 1000) },
    );
    assert.ok(hb.ok);
    const row = await conn.prisma.consumerGroup.findUnique({ where: { id: g.id } });
    assert.ok(row!.messageDelaySeconds! > 0 && row!.messageDelaySeconds! <= v.MAX_DELAY_SECONDS);
  });
});

describe("sign-in", () => {
  const signIn = (username: string, password: string, ip: string) => authenticate(conn.prisma, { username, password }, ip);

  it("throttles one client after 5 failures on an account, even with the right password; another client still signs in", async () => {
    for (let i = 0; i < 5; i++) assert.deepEqual(await signIn("operator", `Wrong#${i}`, "192.0.2.20"), { ok: false, reason: "invalid" });
    const blocked = await signIn("operator", "DtsDemo#2026", "192.0.2.20");
    assert.equal(blocked.ok, false);
    assert.equal(!blocked.ok && blocked.reason, "throttled");
    const fresh = await signIn("operator", "DtsDemo#2026", "192.0.2.21");
    assert.equal(fresh.ok, true);
  });

  it("audits every attempt and stores nothing a client typed raw", async () => {
    await signIn("x\u0000y\u202e", "Wrong#1", "192.0.2.22");
    const row = await conn.prisma.auditLog.findFirst({ where: { action: "signIn", clientIp: "192.0.2.22" }, orderBy: { id: "desc" } });
    assert.equal(row?.errorCode, "Unauthorized");
    assert.doesNotMatch(row?.username ?? "", /[\u0000\u202e]/);
  });

  it("per-client blocking counts failures across accounts", async () => {
    for (let i = 0; i < 20; i++)
      assert.equal((await admitAttempt(conn.prisma, SIGN_IN_THROTTLE, { account: `someone${i}`, client: "192.0.2.23" })).ok, true);
    const outcome = await signIn("viewer", "DtsDemo#2026", "192.0.2.23");
    assert.equal(!outcome.ok && outcome.reason, "throttled");
  });
});

describe("sessions", () => {
  async function tokenFor(username: string) {
    const user = await conn.prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true, sessionVersion: true } });
    return {
      uid: user.id,
      sid: `sid${Math.random().toString(36).slice(2)}xxxxxxxxxxxx`,
      sv: user.sessionVersion,
      exp: Math.floor(Date.now() / 1000) + 3600,
    };
  }

  it("takes the role from the database, never from the token", async () => {
    const token = { ...(await tokenFor("viewer")), role: "admin" };
    const user = await resolveSessionUser(conn.prisma, token);
    assert.equal(user?.role, "viewer");
  });

  it("sign-out ends that session only", async () => {
    const a = await tokenFor("viewer");
    const b = await tokenFor("viewer");
    await revokeSession(conn.prisma, a);
    assert.equal(await resolveSessionUser(conn.prisma, a), null);
    assert.equal((await resolveSessionUser(conn.prisma, b))?.username, "viewer");
  });

  it("a password change and a role change end every earlier session (database trigger)", async () => {
    const id = `u-rot-${seq++}`;
    await conn.prisma.user.create({
      data: { id, username: `rotating${seq}`, passwordHash: await hashPassword("Rotate#123"), role: "operator" },
    });
    const t1 = await tokenFor(`rotating${seq}`);
    assert.ok(await resolveSessionUser(conn.prisma, t1));
    await conn.prisma.user.update({ where: { id }, data: { passwordHash: await hashPassword("Rotate#456") } });
    assert.equal(await resolveSessionUser(conn.prisma, t1), null);
    const t2 = await tokenFor(`rotating${seq}`);
    await conn.sql.query(`UPDATE app_user SET role = 'viewer' WHERE id = $1`, [id]);
    assert.equal(await resolveSessionUser(conn.prisma, t2), null);
  });

  it("refuses tokens missing the session id or version", async () => {
    const t = await tokenFor("admin");
    assert.equal(await resolveSessionUser(conn.prisma, { uid: t.uid }), null);
    assert.equal(await resolveSessionUser(conn.prisma, { uid: t.uid, sid: t.sid }), null);
    assert.equal(await resolveSessionUser(conn.prisma, null), null);
  });
});

describe("actions", () => {
  it("change-password's server schema checks the confirmation", async () => {
    const g = await newGroup("Confirm#123");
    const r = await runAction(
      specs.changeConsumerGroupPasswordSpec,
      { groupId: g.id, oldPassword: "Confirm#123", newPassword: "Next#12345", confirmPassword: "Next#12346" },
      operator,
    );
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.fieldErrors?.confirmPassword);
    assert.equal(statusOf(await connect(g.user, "Confirm#123", "192.0.2.30")), 200, "the password did not change");
  });

  it("writes a create's audit record inside its transaction: no record, no group", async () => {
    const name = `atomic-${seq++}`;
    const input = { instanceId: SEED_IDS.empty, name, account: "atomic", password: "Atomic#123", confirmPassword: "Atomic#123" };
    await assert.rejects(
      performAction(specs.createConsumerGroupSpec, input, { user: admin, ip: null }, () =>
        Promise.reject(new Error("audit store unavailable")),
      ),
    );
    assert.equal(await conn.prisma.consumerGroup.count({ where: { name } }), 0);
  });

  it("records a refusal whose group id holds a NUL (finding 5), with the id dropped rather than the record", async () => {
    const before = await conn.prisma.auditLog.count({ where: { action: "deleteConsumerGroup", result: "refused" } });
    const r = await runAction(specs.deleteConsumerGroupSpec, { groupId: "dts\u0000abcdefg" }, admin);
    assert.equal(!r.ok && r.code, "InvalidParameter");
    assert.equal(await conn.prisma.auditLog.count({ where: { action: "deleteConsumerGroup", result: "refused" } }), before + 1);
  });

  it("rate-limits refusals of requests without a session per client", async () => {
    const ip = "192.0.2.40";
    const count = () => conn.prisma.auditLog.count({ where: { clientIp: ip } });
    for (let i = 0; i < ANONYMOUS_AUDIT_LIMIT + 10; i++)
      await runAction(specs.deleteConsumerGroupSpec, { groupId: "dtsabcdefgh" }, null, ip);
    assert.equal(await count(), ANONYMOUS_AUDIT_LIMIT);
    // A signed-in user's refusals are never dropped.
    await writeAudit(conn.prisma, { username: "admin", action: "deleteConsumerGroup", errorCode: "NotFound", clientIp: ip });
    assert.equal(await count(), ANONYMOUS_AUDIT_LIMIT + 1);
    assert.equal(
      await writeAnonymousRefusal(conn.prisma, { username: "x", action: "signIn", errorCode: "Unauthorized", clientIp: "192.0.2.41" }),
      true,
    );
  });
});

describe("names", () => {
  const name = (value: string) => v.consumerGroupNameSchema.safeParse(value);
  it("refuses invisible, bidi, control and lone-surrogate names", () => {
    for (const bad of ["\u200b\u200b", "\u202e", "sec-\u202egnp.exe", "a\u0000b", "\ud800x", "\u3164", " \u2800 ", "\ufeff"]) {
      assert.equal(name(bad).success, false, JSON.stringify(bad));
    }
  });
  it("stores names NFC-normalised and keeps homoglyphs and emoji as text", () => {
    assert.equal(name("Cafe\u0301").data, "Caf\u00e9");
    assert.equal(name("раураl 🚀").success, true);
  });
  it("the database refuses the same names when the app is bypassed", async () => {
    const hash = await hashPassword("Direct#123");
    for (const bad of ["\u200b", "sec-\u202egnp.exe", "Cafe\u0301", "a\u0007b"]) {
      await assert.rejects(
        conn.sql.query(`INSERT INTO consumer_group (id, instance_id, name, username, password_hash) VALUES ($1, $2, $3, 'direct', $4)`, [
          `dtsdirect${seq++}x`,
          SEED_IDS.empty,
          bad,
          hash,
        ]),
        /consumer_group_name_text_check/,
        JSON.stringify(bad),
      );
    }
  });
});

describe("URLs and query strings", () => {
  it("follows only same-origin callback paths without control characters", () => {
    const bad = [
      "/\t/evil.invalid/",
      "//evil.invalid",
      "/\\evil.invalid",
      "https://evil.invalid/",
      "/\n/x",
      "/\r/x",
      "javascript:alert(1)",
      "",
      "/login",
      "/api/auth/signout",
    ];
    for (const url of bad.slice(0, 8)) assert.equal(safeCallbackUrl(url) === url, false, JSON.stringify(url));
    for (const url of bad) assert.ok(safeCallbackUrl(url).startsWith("/") && !safeCallbackUrl(url).startsWith("//"), JSON.stringify(url));
    assert.equal(safeCallbackUrl("/\t/evil.invalid/"), DEFAULT_AFTER_SIGN_IN);
    assert.equal(safeCallbackUrl("/change-tracking/dtsabcdefgh/consume?x=1"), "/change-tracking/dtsabcdefgh/consume?x=1");
  });

  it("takes the client address from the socket unless proxies are trusted", () => {
    const h = (o: Record<string, string>) => new Headers(o);
    assert.equal(clientIpFrom(h({ "x-dts-peer": "203.0.113.5", "x-forwarded-for": "1.2.3.4" }), 0), "203.0.113.5");
    assert.equal(clientIpFrom(h({ "x-dts-peer": "::ffff:10.0.0.2", "x-forwarded-for": "1.2.3.4, 203.0.113.7" }), 1), "203.0.113.7");
    assert.equal(clientIpFrom(h({ "x-dts-peer": "10.0.0.2", "x-forwarded-for": "1.2.3.4, 203.0.113.7" }), 2), "1.2.3.4");
    assert.equal(clientIpFrom(h({ "x-dts-peer": "10.0.0.2", "x-forwarded-for": "<script>, not-an-ip" }), 1), "10.0.0.2");
    assert.equal(clientIpFrom(h({ "x-forwarded-for": "1.2.3.4" }), 0), null);
  });

  it("server.mjs drops a client's own x-dts-* headers, and its X-Forwarded-* ones unless a proxy is trusted", () => {
    const sent = () => ({
      host: "127.0.0.1:3100",
      "x-dts-peer": "203.0.113.9",
      "x-dts-openapi-host": "evil.invalid",
      "x-dts-prefetch": "0",
      "x-dts-anything": "1",
      "x-forwarded-for": "1.2.3.4",
      "x-forwarded-host": "evil.invalid",
      "x-forwarded-proto": "https",
      "x-forwarded-port": "443",
      forwarded: "for=1.2.3.4;host=evil.invalid",
      "x-real-ip": "1.2.3.4",
      "next-router-prefetch": "1",
    });
    const direct = sanitizeRequestHeaders(sent(), { hops: 0, peer: "192.0.2.1" });
    assert.deepEqual(direct, { host: "127.0.0.1:3100", "next-router-prefetch": "1", "x-dts-peer": "192.0.2.1", "x-dts-prefetch": "1" });
    assert.equal(clientIpFrom(direct, 0), "192.0.2.1");
    const proxied = sanitizeRequestHeaders(sent(), { hops: 1, peer: "10.0.0.2" });
    assert.equal(proxied["x-forwarded-host"], "evil.invalid");
    assert.equal(proxied["x-forwarded-for"], "1.2.3.4");
    assert.equal(proxied["x-dts-openapi-host"], undefined);
    assert.equal(proxied["x-dts-anything"], undefined);
    assert.equal(proxied["x-dts-peer"], "10.0.0.2");
    assert.equal(sanitizeRequestHeaders({ purpose: "prefetch" }, { hops: 0, peer: undefined })["x-dts-prefetch"], "1");
    assert.equal(sanitizeRequestHeaders({ "x-dts-prefetch": "1" }, { hops: 0, peer: undefined })["x-dts-prefetch"], "0");
  });

  it("ignores impossible dates and drops control characters from filters", () => {
    assert.equal(parseDay("2026-99-99"), undefined);
    assert.equal(parseDay("2026-02-30"), undefined);
    assert.equal(parseDay("0001-01-01"), undefined);
    assert.equal(parseDay("2026-11-28"), "2026-11-28");
    const q = auditQuerySchema.parse({ from: "2026-99-99", user: "ad\u0000min", to: ["2026-01-01", "x"] });
    assert.deepEqual([q.from, q.user, q.to], [undefined, "admin", "2026-01-01"]);
    assert.equal(taskListQuerySchema.parse({ q: "9\u00009" }).q, "99");
  });

  it("escapes and caps text for the audit log", () => {
    assert.equal(cleanText("a\u0000b\u202ec"), "a\\u0000b\\u202ec");
    assert.equal(cleanText("x".repeat(500), 128).length, 128);
    assert.equal(cleanText("\ud800"), "\ufffd");
  });
});
