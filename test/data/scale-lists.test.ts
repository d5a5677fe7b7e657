import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { findPgBin, startPgServer, type PgServer } from "../pg-server";

// The lists at scale (README "Scale"), on both databases: keyset pages give exactly the rows of
// the plain ORDER BY … OFFSET, forwards, backwards and by page number; the region counters the
// triggers keep equal a real count; every sort is served by an index without a sort step.
process.env.DTS_SEED = "off";
process.env.DTS_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;

const { closeConnection, getConnection } = await import("../../lib/db");
const { listTasks, taskFilterSql, taskPageSql, taskSearchSql, TASK_SEARCH_COUNT_CAP } = await import("../../lib/data/tasks");
const { listAuditLog, auditCountCap, auditFilterSql, auditPageSql, AUDIT_PAGE_SIZE } = await import("../../lib/data/audit");
const { listRegions } = await import("../../lib/data/regions");
const { seedScale } = await import("../../lib/db/scale-seed");
const { taskListQuerySchema } = await import("../../lib/validation/task");
const { auditQuerySchema } = await import("../../lib/validation/audit");
const { Prisma } = await import("../../lib/generated/prisma/client");

type Conn = Awaited<ReturnType<typeof getConnection>>;
const admin = { id: "u-admin", username: "admin", role: "admin" as const };
const NOW = new Date("2026-11-20T12:00:00.000Z");

const pgBin = findPgBin();
if (!pgBin && process.env.CI) throw new Error("CI needs Debian's postgresql-15 binaries (.ci/run installs them).");
const backends: { name: string; url: () => Promise<{ url: string; stop?: () => void }> }[] = [
  { name: "PGlite (embedded)", url: () => Promise.resolve({ url: "" }) },
  {
    name: "PostgreSQL server",
    url: async () => {
      const server: PgServer = await startPgServer(pgBin!);
      return { url: server.url, stop: () => server.stop() };
    },
  },
];

/** Ids of a view in the order the list must show, read without any paging cleverness. */
async function reference(conn: Conn, where: InstanceType<typeof Prisma.Sql>, order: string, table = "instance") {
  const sql = Prisma.sql`SELECT "id"::text AS "key" FROM ${Prisma.raw(`"${table}"`)} ${where} ${Prisma.raw(order)}`;
  return (await conn.sql.query<{ key: string }>(sql.text, sql.values)).rows.map((r) => r.key);
}

/** Every page of a task view, following the pages' own next links, then back by the previous links. */
async function walkTasks(region: string, params: Record<string, string>) {
  const forward: string[] = [];
  const pages: { page: number; ids: string[] }[] = [];
  let page = await listTasks(admin, region, taskListQuerySchema.parse({ region, ...params }));
  for (;;) {
    forward.push(...page.rows.map((r) => r.id));
    pages.push({ page: page.page, ids: page.rows.map((r) => r.id) });
    if (!page.hasNext) break;
    assert.ok(page.after, "a page with a next page links to it by key");
    page = await listTasks(admin, region, taskListQuerySchema.parse({ region, ...params, page: String(page.page + 1), after: page.after }));
  }
  const backward: string[][] = [page.rows.map((r) => r.id)];
  while (page.page > 1) {
    assert.ok(page.before);
    page = await listTasks(
      admin,
      region,
      taskListQuerySchema.parse({ region, ...params, page: String(page.page - 1), before: page.before }),
    );
    backward.unshift(page.rows.map((r) => r.id));
  }
  return { forward, backward: backward.flat(), pages, last: pages.at(-1)! };
}

for (const backend of backends) {
  describe(
    `lists at scale on ${backend.name}`,
    { skip: backend.name.startsWith("PostgreSQL") && !pgBin ? "no PostgreSQL server binaries here" : false },
    () => {
      let conn: Conn;
      let stop: (() => void) | undefined;
      before(async () => {
        const server = await backend.url();
        stop = server.stop;
        process.env.DATABASE_URL = server.url;
        conn = await getConnection();
        // Numbered tasks with groups and an audit trail; the second region crosses the bulk loader's
        // index rebuild (over 5,000 rows).
        await seedScale(conn, { tasks: 1234, region: "cn-qingdao", groupInstances: 7, groupsPerInstance: 3, auditRows: 777, now: NOW });
        await seedScale(conn, { tasks: 6000, region: "eu-west-1", groupInstances: 0, groupsPerInstance: 0, auditRows: 6500, now: NOW });
        // Ties: 30 tasks created in the same millisecond, so only the id orders them.
        await conn.sql.exec(`
        INSERT INTO instance (id, name, region_id, status, source_type, source_instance_id, tracked_objects, track_dml, track_ddl,
                              billing_method, topic, vpc_endpoint, private_endpoint, public_endpoint, created_at)
        SELECT 'dtstie' || lpad(((g * 7919) % 1000)::text, 4, '0'), 'tie-' || g, 'me-central-1',
               (CASE WHEN g % 3 = 0 THEN 'Abnormal' ELSE 'Normal' END)::"InstanceStatus", 'RDS MySQL', 'rm-x', '[]', true, true,
               'Subscription', 't', 'v:1', 'p:1', 'x:1', timestamp '2026-11-01 10:00:00.123'
          FROM generate_series(1, 30) g`);
      });
      after(async () => {
        await closeConnection();
        stop?.();
      });

      it("the scale seed loads what it says, through the quota trigger, and a second run adds nothing", async () => {
        const { rows } = await conn.sql.query<{ tasks: number; groups: number; full: number; counter_ok: boolean }>(`
        SELECT (SELECT count(*)::int FROM instance WHERE region_id = 'cn-qingdao') AS tasks,
               (SELECT count(*)::int FROM consumer_group g JOIN instance i ON i.id = g.instance_id WHERE i.region_id = 'cn-qingdao') AS groups,
               (SELECT count(*)::int FROM instance WHERE region_id = 'cn-qingdao' AND consumer_group_count = 3) AS full,
               (SELECT bool_and(consumer_group_count = (SELECT count(*) FROM consumer_group g WHERE g.instance_id = i.id)) FROM instance i) AS counter_ok`);
        assert.deepEqual(rows[0], { tasks: 1234, groups: 21, full: 7, counter_ok: true });
        const again = await seedScale(conn, {
          tasks: 1234,
          region: "cn-qingdao",
          groupInstances: 7,
          groupsPerInstance: 3,
          auditRows: 777,
          now: NOW,
        });
        assert.deepEqual([again.tasks, again.groups, again.auditRows], [0, 0, 0]);
        const { rows: audit } = await conn.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`);
        assert.equal(audit[0].n, 6500);
      });

      it("region counters kept by the triggers equal a real count through inserts, status and region changes, deletes and truncation", async () => {
        const check = async (label: string, sql = conn.sql) => {
          const { rows } = await sql.query<{ diff: number }>(`
          SELECT count(*)::int AS diff FROM (
            SELECT region_id, status, count(*)::int AS n FROM instance GROUP BY 1, 2
            EXCEPT SELECT region_id, status, task_count FROM region_task_count WHERE task_count > 0) d`);
          const { rows: extra } = await sql.query<{ n: number }>(`
          SELECT count(*)::int AS n FROM region_task_count c
           WHERE task_count <> (SELECT count(*) FROM instance i WHERE i.region_id = c.region_id AND i.status = c.status)`);
          assert.deepEqual([rows[0].diff, extra[0].n], [0, 0], label);
        };
        await check("after the bulk loads");
        const regions = await listRegions(admin);
        assert.equal(regions.find((r) => r.id === "cn-qingdao")?.taskCount, 1234);
        assert.equal(regions.find((r) => r.id === "me-central-1")?.taskCount, 30);
        await conn
          .transaction(async (sql) => {
            await sql.exec(
              `UPDATE instance SET status = 'Locked' WHERE region_id = 'eu-west-1' AND status = 'Normal' AND created_at < timestamp '2026-10-01'`,
            );
            await check("after status changes (inside the transaction)", sql);
            await sql.exec(
              `UPDATE instance SET region_id = 'us-east-1' WHERE id IN (SELECT id FROM instance WHERE region_id = 'eu-west-1' ORDER BY id LIMIT 40)`,
            );
            await sql.exec(`DELETE FROM instance WHERE region_id = 'eu-west-1' AND status = 'Abnormal'`);
            await check("after region moves and deletes", sql);
            await sql.exec(`TRUNCATE instance CASCADE`);
            await check("after TRUNCATE", sql);
            throw new Error("roll back");
          })
          .catch((error: unknown) => assert.equal((error as Error).message, "roll back"));
        await check("after the rollback");
      });

      for (const sort of ["created_desc", "created_asc"] as const) {
        const views: [string, Record<string, string>][] = [
          ["cn-qingdao", { sort, pageSize: "50" }],
          ["cn-qingdao", { sort, pageSize: "20", status: "Normal" }],
          ["cn-qingdao", { sort, pageSize: "10", q: "99" }],
          ["cn-qingdao", { sort, pageSize: "10", q: "ORDER-EVENTS" }],
          ["cn-qingdao", { sort, pageSize: "50", q: "-" }],
          ["me-central-1", { sort, pageSize: "10" }],
          ["me-central-1", { sort, pageSize: "10", status: "Abnormal" }],
        ];
        for (const [region, params] of views) {
          it(`tasks ${region} ${JSON.stringify(params)}: keyset pages, page numbers and totals match ORDER BY … OFFSET`, async () => {
            const where = Prisma.sql`WHERE ${taskFilterSql(region, { status: params.status as never, q: params.q })}`;
            const dir = sort === "created_desc" ? "DESC" : "ASC";
            const expected = await reference(conn, where, `ORDER BY "created_at" ${dir}, "id" ${dir}`);
            const { forward, backward, pages, last } = await walkTasks(region, params);
            assert.deepEqual(forward, expected, "next links");
            assert.deepEqual(backward, expected, "previous links");
            const size = Number(params.pageSize);
            assert.equal(pages.length, Math.max(1, Math.ceil(expected.length / size)));
            // Typed page numbers, from the front or (when the total is known) from the back.
            for (const { page, ids } of [pages[0], pages[1], pages[Math.floor(pages.length / 2)], pages.at(-2), last].filter(
              (p) => p !== undefined,
            )) {
              const got = await listTasks(admin, region, taskListQuerySchema.parse({ region, ...params, page: String(page) }));
              assert.deepEqual(
                got.rows.map((r) => r.id),
                ids,
                `page ${page} by number`,
              );
              assert.deepEqual(ids, expected.slice((page - 1) * size, page * size));
            }
            const first = await listTasks(admin, region, taskListQuerySchema.parse({ region, ...params }));
            // Only a search is counted up to a cap; the other totals come from the counters.
            if (params.q && expected.length > TASK_SEARCH_COUNT_CAP) {
              assert.deepEqual([first.total, first.capped, first.pageCount], [TASK_SEARCH_COUNT_CAP, true, null]);
            } else {
              assert.deepEqual([first.total, first.capped, first.pageCount], [expected.length, false, pages.length]);
            }
            // Past the end: the last page (an exact total), as before keysets.
            const beyond = await listTasks(admin, region, taskListQuerySchema.parse({ region, ...params, page: "99999" }));
            if (!first.capped)
              assert.deepEqual(
                beyond.rows.map((r) => r.id),
                last.ids,
              );
          });
        }
      }

      it("a search matches id or name as text: case-insensitive, and % and _ are literal characters", async () => {
        const q = async (text: string) =>
          (await listTasks(admin, "cn-qingdao", taskListQuerySchema.parse({ q: text, pageSize: "50" }))).total;
        assert.equal(await q("5%"), 0);
        assert.equal(await q("_"), 0);
        assert.equal(await q("ORDER-EVENTS-000010"), 1);
        const one = (await listTasks(admin, "cn-qingdao", taskListQuerySchema.parse({ pageSize: "10" }))).rows[3];
        assert.equal(await q(one.id.toUpperCase()), 1);
        // A cursor from elsewhere (or hand-made) is only a key: a bad one falls back to the page number.
        const bad = await listTasks(admin, "cn-qingdao", taskListQuerySchema.parse({ page: "2", after: "12.not-an-id" }));
        assert.deepEqual(
          bad.rows.map((r) => r.id),
          (await listTasks(admin, "cn-qingdao", taskListQuerySchema.parse({ page: "2" }))).rows.map((r) => r.id),
        );
      });

      const auditViews: Record<string, string>[] = [
        {},
        { action: "signIn" },
        { user: "OPS" },
        { result: "refused" },
        { instance: "000012" },
        // A whole id: that instance's records through its own index.
        { instance: "DTS661D6E0000005" },
        { from: "2026-10-01", to: "2026-10-20" },
        { action: "heartbeatConsumer", result: "ok", user: "o" },
      ];
      for (const params of auditViews) {
        it(`audit log ${JSON.stringify(params)}: keyset pages and page numbers match ORDER BY … OFFSET`, async () => {
          const query = auditQuerySchema.parse(params);
          const expected = await reference(conn, auditFilterSql(query), `ORDER BY "at" DESC, "id" DESC`, "audit_log");
          assert.ok(expected.length > 0, "the view is not empty");
          const ids: string[] = [];
          let page = await listAuditLog(admin, query);
          const numbered = new Map<number, string[]>();
          for (;;) {
            ids.push(...page.rows.map((r) => r.id));
            numbered.set(
              page.page,
              page.rows.map((r) => r.id),
            );
            if (!page.hasNext) break;
            page = await listAuditLog(admin, auditQuerySchema.parse({ ...params, page: String(page.page + 1), after: page.after }));
          }
          assert.deepEqual(ids, expected);
          const back = await listAuditLog(
            admin,
            auditQuerySchema.parse({ ...params, page: String(page.page - 1 || 1), before: page.before }),
          );
          assert.deepEqual(
            back.rows.map((r) => r.id),
            numbered.get(Math.max(1, page.page - 1)),
          );
          for (const n of [2, Math.ceil(numbered.size / 2), numbered.size]) {
            if (!numbered.has(n)) continue;
            const got = await listAuditLog(admin, auditQuerySchema.parse({ ...params, page: String(n) }));
            assert.deepEqual(
              got.rows.map((r) => r.id),
              numbered.get(n),
              `page ${n} by number`,
            );
          }
          const first = await listAuditLog(admin, query);
          const cap = auditCountCap(query);
          assert.equal(first.capped, expected.length > cap);
          assert.equal(first.total, Math.min(expected.length, cap));
          assert.equal(first.pageCount, first.capped ? null : Math.max(1, Math.ceil(expected.length / AUDIT_PAGE_SIZE)));
        });
      }

      /** The plan's node types and index names, with sequential scans and sorts priced out. */
      async function planOf(sql: InstanceType<typeof Prisma.Sql>, extra = "") {
        return conn.transaction(async (tx) => {
          await tx.exec(`SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off; SET LOCAL enable_incremental_sort = off; ${extra}`);
          const { rows } = await tx.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${sql.text}`, sql.values);
          const nodes: string[] = [];
          interface PlanNode {
            "Node Type": string;
            "Index Name"?: string;
            Plans?: PlanNode[];
          }
          const visit = (node: PlanNode) => {
            nodes.push(`${node["Node Type"]}${node["Index Name"] ? `:${node["Index Name"]}` : ""}`);
            for (const child of node.Plans ?? []) visit(child);
          };
          const plan = rows[0]["QUERY PLAN"];
          visit(((typeof plan === "string" ? JSON.parse(plan) : plan) as { Plan: PlanNode }[])[0].Plan);
          return nodes.join(" > ");
        });
      }

      it("every task list read is a range of an index that matches its sort, tie-breaker included: no sort step", async () => {
        const key = { at: NOW.getTime(), id: "dtsabcdef0000001" };
        for (const sort of ["created_desc", "created_asc"] as const) {
          for (const [status, index] of [
            [undefined, "instance_region_id_created_at_id_idx"],
            ["Normal", "instance_region_id_status_created_at_id_idx"],
          ] as const) {
            const where = taskFilterSql("cn-qingdao", { status });
            for (const plan of [
              { kind: "offset", offset: 0, reverse: false, take: 11, page: 1 },
              { kind: "offset", offset: 3, reverse: true, take: 10, page: 9 },
              { kind: "seek", key, reverse: false, take: 11, page: 5 },
              { kind: "seek", key, reverse: true, take: 10, page: 4 },
            ] as const) {
              const nodes = await planOf(taskPageSql(where, sort, plan));
              assert.match(nodes, new RegExp(`Index (Only )?Scan:${index}`), `${sort} ${status ?? ""} ${plan.kind}: ${nodes}`);
              assert.doesNotMatch(nodes, /Sort/, nodes);
            }
          }
        }
      });

      it("a search by id or name can use the trigram indexes, and the audit filters theirs", async () => {
        // The search's own condition (without the region, which a btree would serve instead).
        const search = Prisma.sql`SELECT count(*) FROM "instance" WHERE ${taskSearchSql("Order-Even")}`;
        const nodes = await planOf(search, "SET LOCAL enable_indexscan = off;");
        assert.match(nodes, /Bitmap Index Scan:instance_id_trgm_idx/, nodes);
        assert.match(nodes, /Bitmap Index Scan:instance_name_trgm_idx/, nodes);
        const first = { kind: "offset", offset: 0, reverse: false, take: 26, page: 1 } as const;
        const key = { kind: "seek", key: { at: NOW.getTime(), id: "12345" }, reverse: false, take: 26, page: 3 } as const;
        for (const [params, index] of [
          [{}, "audit_log_at_id_idx"],
          [{ action: "signIn" }, "audit_log_action_at_id_idx"],
          [{ instance: "dtsabc1234567" }, "audit_log_instance_id_at_id_idx"],
        ] as const) {
          for (const plan of [first, key]) {
            const nodes = await planOf(auditPageSql(auditQuerySchema.parse(params), plan));
            assert.match(nodes, new RegExp(`Index (Only )?Scan( Backward)?:${index}`), nodes);
            assert.doesNotMatch(nodes, /Sort/, nodes);
          }
        }
        const sql = Prisma.sql`SELECT count(*) FROM "audit_log" ${auditFilterSql(auditQuerySchema.parse({ user: "ops_l" }))}`;
        assert.match(await planOf(sql, "SET LOCAL enable_indexscan = off;"), /Bitmap Index Scan:audit_log_username_trgm_idx/);
      });
    },
  );
}
