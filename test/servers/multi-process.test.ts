import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { readMigrations } from "../../lib/db/migrate";
import { SEED_IDS } from "../../lib/demo";
import { DATABASE_UNAVAILABLE_DIGEST } from "../../lib/db/unavailable";
import { DATABASE_UNAVAILABLE_MESSAGE } from "../../lib/actions/run-action";
import { localize } from "../../i18n/translate";
import { findPgBin, startPgServer, type PgServer } from "../pg-server";
import { actionId, callAction, signIn, startConsole, type ConsoleServer } from "../helpers/console-http";

// Several console processes on one PostgreSQL server, over real HTTP (README "Scale"): two
// production servers (`node server.mjs`, the build in .next) started together on an empty
// database; 200 concurrent creates spread over both; the database going away and coming back.
// Run by `npm run test:multi`, after `next build` (npm test runs it after the end-to-end suite's
// build).
const pgBin = findPgBin();
const built = existsSync(".next/BUILD_ID");
if (process.env.CI && !pgBin) throw new Error("CI needs Debian's postgresql-15 binaries (.ci/run installs them).");
if (process.env.CI && !built) throw new Error("CI runs these after `next build`: no .next/BUILD_ID here.");
const skip = !pgBin
  ? "no PostgreSQL server binaries here (apt-get install postgresql-15)"
  : !built
    ? "no production build (.next): run `next build` first"
    : false;

const PASSWORD = "Multi#Process2026";
const CONSUME = (id: string) => `/change-tracking/${id}/consume`;
const ACCOUNTS = ["operator", "admin"];

describe("two console processes on one PostgreSQL server", { skip }, () => {
  let db: PgServer;
  let sql: pg.Pool;
  let servers: ConsoleServer[] = [];
  let cookies: string[] = [];
  let createId = "";

  before(async () => {
    db = await startPgServer(pgBin!);
    const env = {
      DATABASE_URL: db.url,
      DTS_DATA_DIR: "",
      DEMO: "1",
      DEMO_PASSWORD: PASSWORD,
      DATABASE_POOL_SIZE: "8",
      // Every process must sign and read the same session cookies.
      NEXTAUTH_SECRET: "multi-process-test-secret-0123456789abcdef",
      TRUST_PROXY_HOPS: "0",
    };
    // Started together: both open (migrate, seed) the empty database at once as they start.
    servers = await Promise.all([startConsole(env), startConsole(env)]);
    sql = new pg.Pool({ connectionString: db.url, max: 2 });
    // The outage below ends this pool's idle connections too.
    sql.on("error", () => {});
    // One account per process, so the audit log tells which process answered what.
    cookies = await Promise.all(servers.map((s, i) => signIn(s.url, ACCOUNTS[i], PASSWORD)));
    createId = actionId("createConsumerGroup");
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await sql.end();
    db.stop();
  });

  it("starting together on an empty database, they apply each migration once and seed the demo once", async () => {
    // Both have opened the database: each answered a signed-in page.
    for (const [i, s] of servers.entries()) {
      const res = await fetch(`${s.url}/change-tracking`, { headers: { cookie: cookies[i] } });
      assert.equal(res.status, 200, s.output());
    }
    const { rows } = await sql.query<{ migration_name: string; n: number }>(
      `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1 ORDER BY 1`,
    );
    assert.deepEqual(
      rows,
      (await readMigrations()).map((m) => ({ migration_name: m.name, n: 1 })),
    );
    const { rows: seeded } = await sql.query<{ instances: number; regions: number }>(
      `SELECT (SELECT count(*)::int FROM instance) AS instances, (SELECT count(*)::int FROM region) AS regions`,
    );
    assert.deepEqual(seeded[0], { instances: 63, regions: 25 });
  });

  it("200 concurrent creates over HTTP on both processes, one Normal instance with no groups: exactly 20 groups, every other answer QuotaExceeded, no 500", async () => {
    const instanceId = SEED_IDS.empty;
    const { rows: start } = await sql.query<{ n: number }>(
      `SELECT consumer_group_count AS n FROM instance WHERE id = $1 AND status = 'Normal'`,
      [instanceId],
    );
    assert.equal(start[0]?.n, 0);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => {
        const server = i % 2;
        return callAction(
          servers[server].url,
          cookies[server],
          createId,
          [{ instanceId, name: `race-${i}`, account: "race", password: "Race#2026x", confirmPassword: "Race#2026x" }],
          CONSUME(instanceId),
        );
      }),
    );
    const statuses = new Map<number, number>();
    for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    assert.deepEqual(
      [...statuses],
      [[200, 200]],
      `statuses ${JSON.stringify([...statuses])}: ${answers.find((a) => a.status !== 200)?.text.slice(0, 500) ?? ""}`,
    );
    const codes = new Map<string, number>();
    for (const a of answers) {
      const key = a.result?.ok ? "ok" : (a.result?.code ?? `no result: ${a.text.slice(0, 200)}`);
      codes.set(key, (codes.get(key) ?? 0) + 1);
    }
    const unexpected = answers
      .filter((a) => !a.result?.ok && a.result?.code !== "QuotaExceeded.ConsumerGroup")
      .map((a) => a.result?.message ?? a.text.slice(0, 200));
    const logs = servers
      .map((s) =>
        s
          .output()
          .split("\n")
          .filter((l) => l.includes("[action"))
          .slice(0, 5)
          .join("\n"),
      )
      .join("\n");
    assert.deepEqual(
      Object.fromEntries(codes),
      { ok: 20, "QuotaExceeded.ConsumerGroup": 180 },
      `${JSON.stringify([...new Set(unexpected)])}\n${logs}`,
    );
    const { rows } = await sql.query<{ groups: number; counter: number; ok: number; refused: number }>(
      `SELECT (SELECT count(*)::int FROM consumer_group WHERE instance_id = $1) AS groups,
              (SELECT consumer_group_count FROM instance WHERE id = $1) AS counter,
              (SELECT count(*)::int FROM audit_log WHERE instance_id = $1 AND action = 'createConsumerGroup' AND result = 'ok') AS ok,
              (SELECT count(*)::int FROM audit_log WHERE instance_id = $1 AND action = 'createConsumerGroup' AND error_code = 'QuotaExceeded.ConsumerGroup') AS refused`,
      [instanceId],
    );
    assert.deepEqual(rows[0], { groups: 20, counter: 20, ok: 20, refused: 180 });
    // Both processes took part: each checked the shared quota for its own 100 requests and audited
    // each answer (which process wins the 20 places is up to the scheduler, so it is not asserted).
    const { rows: byProcess } = await sql.query<{ username: string; n: number }>(
      `SELECT username, count(*)::int AS n FROM audit_log WHERE instance_id = $1 AND action = 'createConsumerGroup' GROUP BY 1 ORDER BY 1`,
      [instanceId],
    );
    assert.deepEqual(
      byProcess,
      [...ACCOUNTS].sort().map((username) => ({ username, n: 100 })),
    );
  });

  it("with the database down, pages show the clear error and actions answer the clear message; when it is back both work without a restart", async () => {
    const pids = servers.map((s) => s.process.pid);
    db.pause();
    try {
      for (const [i, s] of servers.entries()) {
        const page = await fetch(`${s.url}/change-tracking`, { headers: { cookie: cookies[i] } });
        const html = await page.text();
        assert.ok(
          html.includes(DATABASE_UNAVAILABLE_DIGEST),
          `the page carries the digest the error page recognises (status ${page.status})`,
        );
        assert.doesNotMatch(html, /\bat (async )?[\w.<>]+ \(|node_modules|ECONNREFUSED/, "no stack trace or driver detail");
        const action = await callAction(
          s.url,
          cookies[i],
          createId,
          [
            {
              instanceId: SEED_IDS.normal,
              name: `outage-${i}`,
              account: "outage",
              password: "Outage#2026",
              confirmPassword: "Outage#2026",
            },
          ],
          CONSUME(SEED_IDS.normal),
        );
        assert.equal(action.status, 200);
        assert.deepEqual(action.result, { ok: false, code: "InternalError", message: localize("en", DATABASE_UNAVAILABLE_MESSAGE) });
      }
    } finally {
      db.resume();
    }
    for (const [i, s] of servers.entries()) {
      const page = await fetch(`${s.url}/change-tracking`, { headers: { cookie: cookies[i] } });
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Change Tracking Tasks/);
      const action = await callAction(
        s.url,
        cookies[i],
        createId,
        [
          {
            instanceId: SEED_IDS.normal,
            name: `after-outage-${i}`,
            account: "back",
            password: "BackAgain#26",
            confirmPassword: "BackAgain#26",
          },
        ],
        CONSUME(SEED_IDS.normal),
      );
      assert.equal(action.result?.ok, true, action.text.slice(0, 300));
    }
    assert.deepEqual(
      servers.map((s) => s.process.pid),
      pids,
    );
    assert.ok(
      servers.every((s) => s.process.exitCode === null),
      "no process restarted",
    );
  });
});
