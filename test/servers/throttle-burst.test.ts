import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { SEED_GROUP_PASSWORD, SEED_IDS } from "../../lib/demo";
import { SIGN_IN_THROTTLE, CONSUMER_THROTTLE, CHANGE_PASSWORD_THROTTLE } from "../../lib/throttle";
import { findPgBin, startPgServer, type PgServer } from "../pg-server";
import { actionId, callAction, signIn, startConsole, type ConsoleServer } from "../helpers/console-http";

// Bursts of simultaneous guesses over real HTTP against production servers (docs/rules.md
// "Throttling"): sign-in, the consumer credential check and change-password, each with the right
// password sent last. At most the limit is verified, the right password is then refused until the
// block lapses, and a fresh client still gets in. On PostgreSQL with two processes sharing the
// burst, and on the embedded PGlite (one process).
const pgBin = findPgBin();
const built = existsSync(".next/BUILD_ID");
if (process.env.CI && !pgBin) throw new Error("CI needs Debian's postgresql-15 binaries.");
if (process.env.CI && !built) throw new Error("CI runs these after `next build`: no .next/BUILD_ID here.");
const skip = !built ? "no production build (.next): run `next build` first" : false;

const PASSWORD = "Burst#Throttle2026";
const ENV = {
  DEMO: "1",
  DEMO_PASSWORD: PASSWORD,
  NEXTAUTH_SECRET: "throttle-burst-test-secret-0123456789abcdef",
  // One trusted proxy: each burst names its client in X-Forwarded-For, as a load balancer would.
  TRUST_PROXY_HOPS: "1",
};

interface Answer {
  status: number;
  retryAfter: string | null;
  session: boolean;
}

/** One sign-in through next-auth's credentials callback, from the client address `ip`. */
async function signInFrom(base: string, ip: string, username: string, password: string): Promise<Answer> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";", 1)[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), "x-forwarded-for": ip },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${base}/change-tracking`, json: "true" }),
    redirect: "manual",
  });
  await res.text();
  return {
    status: res.status,
    retryAfter: res.headers.get("retry-after"),
    session: res.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token=") && !c.includes("Max-Age=0")),
  };
}

async function connectFrom(base: string, ip: string, user: string, password: string): Promise<Answer> {
  const res = await fetch(`${base}/api/consumer/connect`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip },
    body: JSON.stringify({ user, password }),
  });
  await res.text();
  return { status: res.status, retryAfter: res.headers.get("retry-after"), session: res.ok };
}

/** The burst's answers: every wrong guess sent at once over the servers in turn, then the right one. */
async function burst<T>(size: number, send: (i: number, right: boolean) => Promise<T>): Promise<{ wrong: T[]; right: T }> {
  const wrong = await Promise.all(Array.from({ length: size - 1 }, (_, i) => send(i, false)));
  const right = await send(size - 1, true);
  return { wrong, right };
}

const count = <T>(items: T[], pick: (t: T) => boolean) => items.filter(pick).length;

function suite(name: string, open: () => Promise<{ servers: ConsoleServer[]; close(): Promise<void> }>) {
  describe(name, { skip }, () => {
    let servers: ConsoleServer[] = [];
    let close: () => Promise<void> = () => Promise.resolve();
    let admin = "";
    const base = (i: number) => servers[i % servers.length].url;

    before(async () => {
      const opened = await open();
      servers = opened.servers;
      close = () => opened.close();
      admin = await signIn(servers[0].url, "admin", PASSWORD);
    });
    after(() => close());

    for (const size of [20, 50]) {
      it(`sign-in: a burst of ${size} from one address verifies at most ${SIGN_IN_THROTTLE.pair.limit}; the right password last is refused with Retry-After; a fresh client gets in`, async () => {
        const account = size === 20 ? "viewer" : "operator";
        const ip = `198.51.100.${size}`;
        const { wrong, right } = await burst(size, (i, ok) => signInFrom(base(i), ip, account, ok ? PASSWORD : `Wrong#${i}guess`));
        const verified = count(wrong, (a) => a.status === 401);
        assert.ok(verified <= SIGN_IN_THROTTLE.pair.limit!, `${verified} guesses were verified`);
        assert.equal(
          count(wrong, (a) => a.status === 429 && Number(a.retryAfter) > 0),
          size - 1 - verified,
        );
        assert.equal(
          count(wrong, (a) => a.session),
          0,
        );
        assert.equal(right.status, 429, "the right password is refused until the block lapses");
        assert.ok(Number(right.retryAfter) > 0 && !right.session);
        const fresh = await signInFrom(base(1), `203.0.113.${size}`, account, PASSWORD);
        assert.equal(fresh.session, true, `a fresh client signs in: ${fresh.status}`);
      });
    }

    for (const size of [20, 50]) {
      it(`consumer connect: a burst of ${size} verifies at most ${CONSUMER_THROTTLE.pair.limit}; the right password last is refused; a fresh client connects`, async () => {
        const res = await fetch(`${servers[0].url}/api/instances/${SEED_IDS.nineteen}/consumer-groups`, { headers: { cookie: admin } });
        const list = (await res.json()) as { groups: Array<{ id: string; account: string; connected?: boolean }> };
        const free = list.groups.filter((g) => !g.connected);
        const group = free[size === 20 ? 0 : 1];
        assert.ok(group, JSON.stringify(list).slice(0, 300));
        const user = `${group.account}-${group.id}`;
        const ip = `198.51.101.${size}`;
        const { wrong, right } = await burst(size, (i, ok) => connectFrom(base(i), ip, user, ok ? SEED_GROUP_PASSWORD : `Wrong#${i}guess`));
        const verified = count(wrong, (a) => a.status === 401);
        assert.ok(verified <= CONSUMER_THROTTLE.pair.limit!, `${verified} guesses were verified`);
        assert.equal(
          count(wrong, (a) => a.status === 429),
          size - 1 - verified,
        );
        assert.equal(right.status, 429);
        assert.ok(Number(right.retryAfter) > 0);
        const fresh = await connectFrom(base(1), `203.0.114.${size}`, user, SEED_GROUP_PASSWORD);
        assert.equal(fresh.status, 200, "a fresh client connects");
      });
    }

    for (const size of [20, 50]) {
      it(`change password: a burst of ${size} verifies at most ${CHANGE_PASSWORD_THROTTLE.pair.limit} old passwords; the right one last is refused`, async () => {
        const page = `/change-tracking/${SEED_IDS.normal}/consume`;
        const res = await fetch(`${servers[0].url}/api/instances/${SEED_IDS.normal}/consumer-groups`, { headers: { cookie: admin } });
        const list = (await res.json()) as { groups: Array<{ id: string }> };
        const group = list.groups[size === 20 ? 0 : 1];
        // Each process signs its own session of the same user: the limit is per user, not per cookie.
        const cookies = await Promise.all(servers.map((s) => signIn(s.url, "operator", PASSWORD)));
        const id = actionId("changeConsumerGroupPassword");
        const change = (i: number, ok: boolean) =>
          callAction(
            base(i),
            cookies[i % cookies.length],
            id,
            [
              {
                groupId: group.id,
                oldPassword: ok ? SEED_GROUP_PASSWORD : `Wrong#${i}guess`,
                newPassword: "Changed#2026x",
                confirmPassword: "Changed#2026x",
              },
            ],
            page,
          );
        const { wrong, right } = await burst(size, change);
        const codes = wrong.map((a) => a.result?.code);
        const verified = count(codes, (c) => c === "InvalidParameter.Password");
        assert.ok(verified <= CHANGE_PASSWORD_THROTTLE.pair.limit!, `${verified} old passwords were verified: ${codes.join(",")}`);
        assert.equal(
          count(codes, (c) => c === "Throttling.User"),
          size - 1 - verified,
        );
        assert.equal(right.result?.code, "Throttling.User");
        // Another user is another client here: not blocked by the operator's guesses.
        const adminChange = await callAction(
          servers[0].url,
          admin,
          id,
          [{ groupId: group.id, oldPassword: SEED_GROUP_PASSWORD, newPassword: "Changed#2026x", confirmPassword: "Changed#2026x" }],
          page,
        );
        assert.equal(adminChange.result?.ok, true, adminChange.text.slice(0, 300));
      });
    }
  });
}

suite("throttle bursts: two processes on one PostgreSQL server", async () => {
  if (!pgBin) throw new Error("no PostgreSQL server binaries here (apt-get install postgresql-15)");
  const db: PgServer = await startPgServer(pgBin);
  const env = { ...ENV, DATABASE_URL: db.url, DTS_DATA_DIR: "", DATABASE_POOL_SIZE: "8" };
  const servers = await Promise.all([startConsole(env), startConsole(env)]);
  return {
    servers,
    close: async () => {
      await Promise.all(servers.map((s) => s.stop()));
      db.stop();
    },
  };
});

suite("throttle bursts: the embedded PGlite", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "dts-burst-"));
  const servers = [await startConsole({ ...ENV, DATABASE_URL: "", DTS_DATA_DIR: path.join(dir, "pglite") })];
  return {
    servers,
    close: async () => {
      await Promise.all(servers.map((s) => s.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
