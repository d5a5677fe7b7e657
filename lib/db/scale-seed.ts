import { createHash } from "node:crypto";
import { hashPassword } from "../auth/password";
import { SEED_GROUP_PASSWORD } from "../demo";
import { REGION_IDS } from "../regions";
import type { Connection } from "./connect";
import type { SqlRunner } from "./migrate";
import { GROUP_NAMES, STATUS_CYCLE, TASK_NAMES } from "./seed-data";

/** What `npm run db:seed -- --tasks N` loads (README "Scale"). */
export interface ScaleOptions {
  /** Tasks in the region; ids are numbered, so a second run adds only the missing ones. */
  tasks: number;
  region: string;
  /** The newest this many tasks get {@link ScaleOptions.groupsPerInstance} consumer groups each. */
  groupInstances: number;
  groupsPerInstance: number;
  /** The audit log is topped up to this many records. */
  auditRows: number;
  now?: Date;
  log?: (line: string) => void;
}

export const SCALE_DEFAULTS = { region: "cn-hangzhou", groupInstances: 1000, groupsPerInstance: 20, auditRows: 1_000_000 } as const;

/** The largest numbered task: ids end in seven digits. */
export const SCALE_MAX_TASKS = 9_999_999;

export interface ScaleResult {
  tasks: number;
  groups: number;
  auditRows: number;
  ms: number;
}

const AUDIT_USERS = [
  ["admin", "admin"],
  ["operator", "operator"],
  ["viewer", "viewer"],
  ["ops_li", "operator"],
  ["ops_wang", "operator"],
  ["dev_zhang", "viewer"],
  ["dba_chen", "admin"],
  ["analyst_liu", "viewer"],
  ["ops_zhao", "operator"],
  ["sre_sun", "admin"],
];
// Skewed like a real trail: mostly sign-ins and consumer heartbeats, a few changes.
const AUDIT_ACTIONS = [
  "signIn",
  "signIn",
  "signIn",
  "heartbeatConsumer",
  "heartbeatConsumer",
  "heartbeatConsumer",
  "heartbeatConsumer",
  "connectConsumer",
  "disconnectConsumer",
  "createConsumerGroup",
  "changeConsumerGroupPassword",
  "resetConsumerGroupPassword",
  "deleteConsumerGroup",
  "readAuditLog",
  "signOut",
  "signIn",
];

/** The id the seed gives numbered task `n` of a region (the same as {@link taskId}'s SQL). */
export function scaleTaskId(region: string, n: number): string {
  return `dts${createHash("md5").update(region).digest("hex").slice(0, 6)}${String(n).padStart(7, "0")}`;
}

/** Whether numbered task `n` is Normal (the newest `groupInstances` are, then every status in turn). */
export function scaleTaskIsNormal(n: number, groupInstances: number): boolean {
  return n <= groupInstances || STATUS_CYCLE[n % STATUS_CYCLE.length] === "Normal";
}

const sqlText = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")}]`;

/**
 * The id of numbered task `n` of a region, in SQL: `dts`, 6 hex digits of the region's hash, then n
 * in 7 digits. Ascending with n, so a bulk load appends to the primary key instead of splitting
 * its pages at random.
 */
const taskId = (n: string) => `'dts' || substr(md5($1::text), 1, 6) || lpad((${n})::text, 7, '0')`;

/**
 * Re-creates a table's secondary indexes after `load` instead of updating them row by row: a
 * sorted build is several times faster for a bulk load. The definitions are read from the
 * database, so they are always the migrations' own.
 */
async function withIndexesRebuilt(sql: SqlRunner, table: string, load: () => Promise<void>) {
  const { rows } = await sql.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = $1
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [table],
  );
  for (const r of rows) await sql.exec(`DROP INDEX "${r.name}"`);
  await load();
  for (const r of rows) await sql.exec(r.def);
}

/**
 * Loads a scale data set with set-based SQL (generate_series, INSERT … SELECT): `tasks` numbered
 * tasks in one region, groups on the newest of them through the same quota trigger the app uses,
 * and an audit log of `auditRows` records. Idempotent: what exists is left alone.
 */
export async function seedScale(conn: Connection, options: ScaleOptions): Promise<ScaleResult> {
  const { tasks, region, groupInstances, groupsPerInstance, auditRows } = options;
  if (!Number.isInteger(tasks) || tasks < 0 || tasks > SCALE_MAX_TASKS)
    throw new Error(`--tasks must be a whole number from 0 to ${SCALE_MAX_TASKS}.`);
  if (!(REGION_IDS as readonly string[]).includes(region)) throw new Error(`Unknown region "${region}".`);
  if (!Number.isInteger(groupsPerInstance) || groupsPerInstance < 0 || groupsPerInstance > GROUP_NAMES.length) {
    throw new Error(`At most ${GROUP_NAMES.length} groups per instance (the quota).`);
  }
  const log = options.log ?? (() => {});
  const now = (options.now ?? new Date()).toISOString();
  const started = performance.now();
  const step = async <T>(label: string, fn: () => Promise<T>) => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const out = await fn();
    const used = process.cpuUsage(cpu);
    // CPU time beside wall time: on a shared machine the two differ (and PGlite's work is this process's).
    log(
      `${label}: ${((performance.now() - t) / 1000).toFixed(1)} s (${((used.user + used.system) / 1e6).toFixed(1)} s CPU in this process)`,
    );
    return out;
  };
  const withGroups = Math.min(groupInstances, tasks);
  // One argon2id hash for every group (SEED_GROUP_PASSWORD): hashing 20,000 would take minutes.
  const groupHash = groupsPerInstance && withGroups ? await hashPassword(SEED_GROUP_PASSWORD) : "";

  const counts = await conn.transaction(async (sql) => {
    // Index builds sort in memory; the default (64 MB) spills the trigram indexes to disk.
    await sql.exec("SET LOCAL maintenance_work_mem = '256MB'");
    const bulk = async (table: string, expected: number, load: () => Promise<void>) =>
      // Below a few thousand rows index upkeep is cheaper than a rebuild.
      expected > 5000 ? withIndexesRebuilt(sql, table, load) : load();

    const { rows: present } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "instance" WHERE "region_id" = $1`, [region]);
    let insertedTasks = 0;
    await step(`tasks (${tasks} in ${region})`, () =>
      bulk("instance", tasks - (present[0]?.n ?? 0), async () => {
        // The newest `withGroups` tasks are Normal: groups are created only on Normal instances.
        const { rows } = await sql.query<{ n: number }>(
          `WITH added AS (
             INSERT INTO "instance" ("id", "name", "region_id", "status", "source_type", "source_instance_id", "tracked_objects",
                 "track_dml", "track_ddl", "billing_method", "data_begin_at", "data_end_at", "checkpoint_at", "topic",
                 "vpc_endpoint", "private_endpoint", "public_endpoint", "created_at")
             SELECT ${taskId("g")},
                    (${sqlText(TASK_NAMES)})[1 + g % ${TASK_NAMES.length}] || '-' || lpad(g::text, 6, '0'),
                    $1,
                    (CASE WHEN g <= $3::int THEN 'Normal' ELSE (${sqlText(STATUS_CYCLE)})[1 + g % ${STATUS_CYCLE.length}] END)::"InstanceStatus",
                    (ARRAY['RDS MySQL', 'RDS MySQL', 'PolarDB for MySQL', 'PolarDB-X', 'RDS PostgreSQL'])[1 + g % 5],
                    'rm-' || substr(md5(g::text), 1, 14),
                    jsonb_build_array(jsonb_build_object('database', 'orders', 'tables', jsonb_build_array('order', 'order_item'))),
                    true, g % 3 <> 0,
                    (CASE WHEN g % 2 = 0 THEN 'Subscription' ELSE 'PayAsYouGo' END)::"BillingMethod",
                    $4::timestamp - interval '7 days', $4::timestamp - (g % 60) * interval '1 second', $4::timestamp - (g % 60 + 2) * interval '1 second',
                    replace($1, '-', '_') || '_scale_' || g,
                    'dts-' || $1 || '-vpc.aliyuncs.com:18003', 'dts-' || $1 || '-internal.aliyuncs.com:18002', 'dts-' || $1 || '.aliyuncs.com:18001',
                    $4::timestamp - g * interval '5 minutes'
               FROM generate_series(1, $2::int) AS g
             ON CONFLICT ("id") DO NOTHING
             RETURNING 1)
           SELECT count(*)::int AS n FROM added`,
          [region, tasks, withGroups, now],
        );
        insertedTasks = rows[0]?.n ?? 0;
      }),
    );

    // Through the quota trigger, as the app's creates go: instances already holding groups are skipped.
    const groups = await step(`consumer groups (${groupsPerInstance} on each of ${withGroups} tasks)`, async () => {
      if (!groupsPerInstance || !withGroups) return 0;
      let n = 0;
      await bulk("consumer_group", withGroups * groupsPerInstance, async () => {
        const { rows } = await sql.query<{ n: number }>(
          `WITH targets AS (
             SELECT i."id" FROM generate_series(1, $2::int) AS g JOIN "instance" i ON i."id" = ${taskId("g")}
              WHERE i."consumer_group_count" = 0 AND i."status" = 'Normal'),
           added AS (
             INSERT INTO "consumer_group" ("id", "instance_id", "name", "username", "password_hash", "checkpoint_at", "created_at")
             SELECT 'dtsg' || substr(t."id", 4) || lpad(k::text, 2, '0'), t."id",
                    (${sqlText(GROUP_NAMES)})[k], left(replace((${sqlText(GROUP_NAMES)})[k], '-', '_'), 16),
                    $3, $4::timestamp - k * interval '1 minute', $4::timestamp - interval '6 days' + k * interval '1 hour'
               FROM targets t CROSS JOIN generate_series(1, $5::int) AS k
             RETURNING 1)
           SELECT count(*)::int AS n FROM added`,
          [region, withGroups, groupHash, now, groupsPerInstance],
        );
        n = rows[0]?.n ?? 0;
      });
      return n;
    });

    const audit = await step(`audit log (to ${auditRows} records)`, async () => {
      const { rows: have } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "audit_log"`);
      const missing = auditRows - (have[0]?.n ?? 0);
      if (missing <= 0 || tasks === 0) return 0;
      const targets = Math.max(1, withGroups || Math.min(tasks, 1000));
      await bulk("audit_log", missing, async () => {
        // Spread over the last 90 days, about one record every 8 seconds per million; one in eight refused.
        await sql.query(
          `WITH ids AS (SELECT array_agg(${taskId("g")} ORDER BY g) AS a FROM generate_series(1, $2::int) AS g)
           INSERT INTO "audit_log" ("at", "username", "role", "action", "region_id", "instance_id", "group_id", "result", "error_code", "client_ip")
           SELECT $4::timestamp - (r::bigint * 7776000000 / $3::int) * interval '1 millisecond',
                  (${sqlText(AUDIT_USERS.map((u) => u[0]))})[1 + r % ${AUDIT_USERS.length}],
                  (${sqlText(AUDIT_USERS.map((u) => u[1]))})[1 + r % ${AUDIT_USERS.length}],
                  (${sqlText(AUDIT_ACTIONS)})[1 + (r * 7 + r / 13) % ${AUDIT_ACTIONS.length}],
                  $1,
                  ids.a[1 + r % $2::int],
                  CASE WHEN $5::int > 0 THEN 'dtsg' || substr(ids.a[1 + r % $2::int], 4) || lpad((1 + r % $5)::text, 2, '0') END,
                  (CASE WHEN r % 8 = 0 THEN 'refused' ELSE 'ok' END)::"AuditResult",
                  CASE WHEN r % 8 = 0 THEN (ARRAY['Forbidden.Role', 'InvalidParameter.Password', 'QuotaExceeded.ConsumerGroup', 'Throttling.User'])[1 + r % 4] END,
                  '10.0.' || (r % 250) || '.' || (r % 7 + 1)
             FROM ids, generate_series(1, $3::int) AS r`,
          [region, targets, missing, now, groupsPerInstance && withGroups ? groupsPerInstance : 0],
        );
      });
      return missing;
    });
    return { tasks: insertedTasks, groups, audit };
  });

  // Fresh statistics for the planner, and a visibility map for index-only counts, where rows came.
  const changed = [
    counts.tasks && "instance",
    counts.tasks && "region_task_count",
    counts.groups && "consumer_group",
    counts.audit && "audit_log",
  ].filter((t): t is string => !!t);
  if (changed.length) {
    await step("vacuum analyze", async () => {
      for (const table of changed) await conn.sql.exec(`VACUUM (ANALYZE) "${table}"`);
    });
  }
  return { tasks: counts.tasks, groups: counts.groups, auditRows: counts.audit, ms: performance.now() - started };
}
