// Throttling as admission and sessions that end (docs/rules.md "Throttling", "Sessions"), on an
// in-memory database with the real migrations. PGlite runs one statement at a time, but the
// requests below still interleave at every await: with a check made before the attempt is
// counted, every one of a burst would pass the check first. The same bursts run over HTTP on
// PostgreSQL with two processes in test/servers/throttle-burst.test.ts.
process.env.DTS_DATA_DIR = "memory://";
import assert from "node:assert/strict";
import { createHash, randomUUID } from "node:crypto";
import { after, before, describe, it, beforeEach } from "node:test";

const { getConnection } = await import("../lib/db");
const { runAction } = await import("../lib/actions/run-action");
const specs = await import("../lib/actions/consumer-group-specs");
const { groupMaker } = await import("./helpers/groups");
const { connectConsumer, heartbeatConsumer } = await import("../lib/consumer/lease");
const { authenticate } = await import("../lib/auth/authenticate");
const { getDummyHash, verifyPassword } = await import("../lib/auth/password");
const { admitAttempt, sweepThrottle, SIGN_IN_THROTTLE, CONSUMER_THROTTLE, CHANGE_PASSWORD_THROTTLE, OPENAPI_THROTTLE, throttleKeys } =
  await import("../lib/throttle");
const { writeAnonymousRefusal, ANONYMOUS_AUDIT_LIMIT } = await import("../lib/audit");
const { parseSignedRequest } = await import("../lib/openapi/request");
const { v3CanonicalRequest, v3Signature } = await import("../lib/openapi/signature");

type Conn = Awaited<ReturnType<typeof getConnection>>;
let conn: Conn;
const admin = { id: "u-admin", username: "admin", role: "admin" as const };
const operator = { id: "u-operator", username: "operator", role: "operator" as const };

// Each test makes its groups on an instance of its own.
let newGroup = groupMaker("thr");
beforeEach(() => {
  newGroup = groupMaker("thr");
});

/** A password check that counts its calls: how many guesses were really verified. */
function countingVerify() {
  const calls: string[] = [];
  return {
    calls,
    verify: async (hash: string, password: string) => {
      calls.push(hash);
      return verifyPassword(hash, password);
    },
  };
}

before(async () => {
  conn = await getConnection();
});
after(async () => {
  await conn.close();
});

describe("admission: counted before the password is verified", () => {
  for (const size of [20, 50]) {
    it(`sign-in: of ${size} simultaneous attempts from one client at most ${SIGN_IN_THROTTLE.pair.limit} are verified; the right one last is refused; a fresh client gets in`, async () => {
      const { calls, verify } = countingVerify();
      const ip = `192.0.2.${100 + size}`;
      const account = size === 20 ? "viewer" : "operator";
      const wrong = await Promise.all(
        Array.from({ length: size - 1 }, (_, i) => authenticate(conn.prisma, { username: account, password: `Wrong#${i}x` }, ip, verify)),
      );
      const right = await authenticate(conn.prisma, { username: account, password: "DtsDemo#2026" }, ip, verify);
      assert.equal(calls.length, SIGN_IN_THROTTLE.pair.limit);
      assert.equal(wrong.filter((o) => !o.ok && o.reason === "throttled").length, size - 1 - SIGN_IN_THROTTLE.pair.limit!);
      assert.equal(!right.ok && right.reason, "throttled");
      assert.ok(!right.ok && right.reason === "throttled" && right.retryAfter > 0);
      assert.equal((await authenticate(conn.prisma, { username: account, password: "DtsDemo#2026" }, `198.18.1.${size}`)).ok, true);
    });
  }

  it(`consumer connect: of 20 simultaneous attempts at most ${CONSUMER_THROTTLE.pair.limit} are verified; the right one last is refused`, async () => {
    const g = await newGroup();
    const { calls, verify } = countingVerify();
    const ip = "192.0.2.140";
    const wrong = await Promise.all(
      Array.from({ length: 19 }, (_, i) =>
        connectConsumer(conn.prisma, { user: g.user, password: `Wrong#${i}x` }, { clientIp: ip, verify }),
      ),
    );
    const right = await connectConsumer(conn.prisma, { user: g.user, password: g.password }, { clientIp: ip, verify });
    assert.equal(calls.length, CONSUMER_THROTTLE.pair.limit);
    assert.equal(wrong.filter((a) => !a.ok && a.refusal.status === 429).length, 19 - CONSUMER_THROTTLE.pair.limit!);
    assert.equal(!right.ok && right.refusal.status, 429);
    assert.equal((await connectConsumer(conn.prisma, { user: g.user, password: g.password }, { clientIp: "198.18.2.1" })).ok, true);
  });

  it(`change password: of 20 simultaneous attempts at most ${CHANGE_PASSWORD_THROTTLE.pair.limit} old passwords are verified`, async () => {
    const g = await newGroup();
    const change = (old: string) =>
      runAction(
        specs.changeConsumerGroupPasswordSpec,
        { groupId: g.id, oldPassword: old, newPassword: "Next#12345", confirmPassword: "Next#12345" },
        operator,
      );
    const wrong = await Promise.all(Array.from({ length: 19 }, (_, i) => change(`Wrong#${i}x`)));
    const codes = wrong.map((r) => (r.ok ? "ok" : r.code));
    assert.equal(codes.filter((c) => c === "InvalidParameter.Password").length, CHANGE_PASSWORD_THROTTLE.pair.limit, codes.join());
    assert.equal(codes.filter((c) => c === "Throttling.User").length, 19 - CHANGE_PASSWORD_THROTTLE.pair.limit!);
    const right = await change(g.password);
    assert.equal(!right.ok && right.code, "Throttling.User");
    // Another user is another client: not blocked by these guesses.
    const other = await runAction(
      specs.changeConsumerGroupPasswordSpec,
      { groupId: g.id, oldPassword: g.password, newPassword: "Next#12345", confirmPassword: "Next#12345" },
      admin,
    );
    assert.equal(other.ok, true, JSON.stringify(other));
  });

  it("a success clears only this client's attempts on this account, never its attempts on others", async () => {
    const ip = "192.0.3.150";
    for (let i = 0; i < 4; i++) await authenticate(conn.prisma, { username: "admin", password: `Wrong#${i}x` }, ip);
    for (let i = 0; i < 4; i++) await authenticate(conn.prisma, { username: "viewer", password: `Wrong#${i}x` }, ip);
    assert.equal((await authenticate(conn.prisma, { username: "viewer", password: "DtsDemo#2026" }, ip)).ok, true);
    const keys = (account: string) => throttleKeys(SIGN_IN_THROTTLE, { account, client: ip });
    const rows = await conn.prisma.authFailure.findMany({
      where: { key: { in: [keys("admin").pair, keys("viewer").pair, keys("admin").client] } },
    });
    const failures = Object.fromEntries(rows.map((r) => [r.key, r.failures]));
    assert.equal(failures[keys("viewer").pair], undefined, "the pair that succeeded is forgotten");
    assert.equal(failures[keys("admin").pair], 4, "the client's attempts on another account stay");
    assert.equal(failures[keys("admin").client], 8, "the client keeps its failures (the success gave back its own attempt only)");
    // One more wrong guess on admin blocks this client there: the success did not reset it.
    await authenticate(conn.prisma, { username: "admin", password: "Wrong#9x" }, ip);
    const blocked = await authenticate(conn.prisma, { username: "admin", password: "DtsDemo#2026" }, ip);
    assert.equal(!blocked.ok && blocked.reason, "throttled");
  });

  it("an account under attack is a shared budget: each attempt takes a later slot, for sign-in and the consumer check", async () => {
    // Attempts from many addresses (never blocked per client) on one account: past `after`, each
    // waits for its slot, and the slots move apart; the waits are applied, not only computed.
    const waits: number[] = [];
    const wait = (ms: number) => Promise.resolve(void waits.push(ms));
    const n = SIGN_IN_THROTTLE.account.after + 4;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        authenticate(conn.prisma, { username: "nosuchuser1", password: "Wrong#1x" }, `198.19.0.${i + 1}`, undefined, { wait }),
      ),
    );
    const slowed = waits.filter((ms) => ms > 0).sort((a, b) => a - b);
    assert.ok(slowed.length >= 3, `waits: ${waits.join()}`);
    assert.equal(new Set(slowed).size, slowed.length, "no two attempts share a slot");

    const g = await newGroup();
    const consumerWaits: number[] = [];
    // One instant for every attempt: the slots are then apart by the policy alone, not by how long
    // each attempt's hash took on a busy machine.
    const now = new Date();
    for (let i = 0; i < CONSUMER_THROTTLE.account.after + 3; i++)
      await connectConsumer(
        conn.prisma,
        { user: g.user, password: "Wrong#1x" },
        { clientIp: `198.19.1.${i + 1}`, now, wait: (ms) => Promise.resolve(void consumerWaits.push(ms)) },
      );
    assert.ok(consumerWaits.filter((ms) => ms > 0).length >= 2, `consumer waits: ${consumerWaits.join()}`);
  });

  it("a budget spent for longer than anyone should wait says when to come back, without counting", async () => {
    const who = { account: "budget-spent", client: null };
    const scope = { ...OPENAPI_THROTTLE, name: "openapi" as const, account: { after: 0, windowMs: 60_000, maxDelayMs: 6_000 } };
    const noWait = { wait: () => Promise.resolve() };
    const now = new Date();
    const results = [];
    // Slots 0, 0.25, 0.75, 1.75, 3.75 and 7.75 s away; the next would be 13.75 s, over the 10 s a request may wait.
    for (let i = 0; i < 8; i++)
      results.push(await admitAttempt(conn.prisma, scope, { ...who, client: `198.19.2.${i}` }, { ...noWait, now }));
    assert.deepEqual(
      results.map((r) => (r.ok ? r.waitedMs : -1)),
      [0, 250, 750, 1750, 3750, 7750, -1, -1],
    );
    const [first, second] = results.slice(6);
    assert.ok(!first.ok && first.retryAfter === 14);
    assert.ok(!second.ok && second.retryAfter === 14, "a refused attempt took no slot");
  });

  it("an unknown user's password is verified against a hash as well, so timing tells nothing", async () => {
    const { calls, verify } = countingVerify();
    const outcome = await authenticate(conn.prisma, { username: "nobody-here", password: "Wrong#1x" }, "192.0.2.160", verify);
    assert.equal(!outcome.ok && outcome.reason, "invalid");
    assert.deepEqual(calls, [await getDummyHash()]);
  });
});

describe("the throttle's table stays bounded", () => {
  it("lapsed counters are swept; live windows, blocks, budgets and the audit cap's counters stay", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 2 * 3600_000);
    const soon = new Date(now.getTime() + 60_000);
    const rows = [
      { key: "signin:pair:lapsed0000000000000000|x", windowStart: old },
      { key: "signin:pair:blocked000000000000000|x", windowStart: old, blockedUntil: soon },
      { key: "signin:account:budget0000000000000000", windowStart: old, nextAllowedAt: soon },
      { key: "signin:client:recent0000000000000000", windowStart: now },
      { key: "audit:anon:1|old", windowStart: old },
    ];
    await conn.prisma.authFailure.createMany({ data: rows.map((r) => ({ failures: 3, ...r })) });
    await sweepThrottle(conn.prisma, now);
    const left = (await conn.prisma.authFailure.findMany({ where: { key: { in: rows.map((r) => r.key) } }, select: { key: true } })).map(
      (r) => r.key,
    );
    assert.deepEqual(
      left.sort(),
      rows
        .slice(1)
        .map((r) => r.key)
        .sort(),
    );
  });
});

describe("consumer leases", () => {
  it("a heartbeat with another group's lease token is refused", async () => {
    const [a, b] = [await newGroup(), await newGroup()];
    const grantA = await connectConsumer(conn.prisma, { user: a.user, password: a.password }, { clientIp: "192.0.2.170" });
    const grantB = await connectConsumer(conn.prisma, { user: b.user, password: b.password }, { clientIp: "192.0.2.170" });
    assert.ok(grantA.ok && grantB.ok);
    const crossed = await heartbeatConsumer(
      conn.prisma,
      { groupId: b.id, leaseToken: grantA.data.leaseToken },
      { clientIp: "192.0.2.170" },
    );
    assert.equal(!crossed.ok && crossed.refusal.code, "Lease.Expired");
    const own = await heartbeatConsumer(conn.prisma, { groupId: b.id, leaseToken: grantB.data.leaseToken }, { clientIp: "192.0.2.170" });
    assert.equal(own.ok, true);
  });
});

describe("the audit cap for unauthenticated refusals", () => {
  it(`100 failed sign-ins from one address leave at most ${ANONYMOUS_AUDIT_LIMIT} records in the minute, and one log line says so`, async () => {
    const ip = "192.0.2.180";
    // The cap counts per clock minute: start where the whole test fits in one.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 15_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
    const lines: string[] = [];
    const warn = console.warn;
    console.warn = (line: string) => void lines.push(line);
    try {
      for (let i = 0; i < 100; i++)
        await authenticate(conn.prisma, { username: `flood${i}`, password: "Wrong#1x" }, ip, () => Promise.resolve(false));
    } finally {
      console.warn = warn;
    }
    const rows = await conn.prisma.auditLog.count({ where: { action: "signIn", clientIp: ip } });
    assert.equal(rows, ANONYMOUS_AUDIT_LIMIT, `${rows} records`);
    assert.equal(lines.length, 1, lines.join("\n"));
    assert.match(lines[0], /192\.0\.2\.180/);
    // The cap is the writer's, not sign-in's: another refusal from the address is dropped too.
    const written = await writeAnonymousRefusal(conn.prisma, {
      username: "x",
      action: "connectConsumer",
      errorCode: "Unauthorized",
      clientIp: ip,
    });
    assert.equal(written, false);
  });
});

describe("OpenAPI V3 signatures", () => {
  /** A V3 request signed by hand over `signed` headers. */
  function v3Request(signed: string[]) {
    const headers = new Headers({
      host: "console.example:3000",
      "x-acs-action": "DescribeConsumerChannel",
      "x-acs-version": "2020-01-01",
      "x-acs-date": new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
      "x-acs-signature-nonce": randomUUID(),
      "x-acs-content-sha256": createHash("sha256").update("").digest("hex"),
    });
    const url = "/?DtsInstanceId=dtsabc123456";
    const secret = "TestSecret0123456789abcdefghij";
    const canonical = v3CanonicalRequest({
      method: "GET",
      path: "/",
      query: { DtsInstanceId: "dtsabc123456" },
      header: (name) => headers.get(name),
      signedHeaders: signed,
      hashedPayload: headers.get("x-acs-content-sha256")!,
    });
    headers.set(
      "authorization",
      `ACS3-HMAC-SHA256 Credential=LTAI0000TestKey000000001,SignedHeaders=${[...signed].sort().join(";")},Signature=${v3Signature(secret, canonical)}`,
    );
    return { request: { method: "GET", url, headers, body: "" }, secret };
  }

  it("must cover the host: a request whose signature leaves it out is refused, the same one covering it verifies", () => {
    const names = ["x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"];
    const without = v3Request(names);
    const refused = parseSignedRequest(without.request);
    assert.equal(!refused.ok && refused.refusal.code, "IncompleteSignature");
    const covered = v3Request(["host", ...names]);
    const parsed = parseSignedRequest(covered.request);
    assert.ok(parsed.ok);
    assert.equal(parsed.call.verify(covered.secret), true);
    const moved = parseSignedRequest({ ...covered.request, host: "elsewhere.example:3000" });
    assert.ok(moved.ok && !moved.call.verify(covered.secret));
  });
});
