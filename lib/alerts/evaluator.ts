import "server-only";
import { writeAudit } from "../audit";
import { Prisma } from "../generated/prisma/client";
import { LEASE_LIVE_SQL, NOW_UTC, STALLED_SQL } from "../data/lag-sql";
import { STALLED_AFTER_SECONDS } from "../validation/rules";
import type { Db, Tx } from "../db";

/**
 * The alert evaluator (docs/rules.md "Alert delivery"): every few seconds it compares each
 * instance's alert settings (see Alerts) and each consumer group's own alert rule with the
 * database and opens or closes alert events; each
 * opening and closing is queued for every enabled channel, in the same statement, and audited.
 * Several processes may run it: a transaction-scoped advisory lock lets one evaluate at a time,
 * and the partial unique index on open events makes a second firing impossible anyway.
 */

/** pg_advisory lock key of the evaluator (an arbitrary constant of this application). */
export const ALERT_LOCK_KEY = 482_019_337;
/** A latency alert resolves when the connected consumer is back at or under this share of the threshold: no flapping at the edge. */
export const DELAY_RESOLVE_SHARE = 0.8;
/** The instance statuses a status alert fires for (DTS: a task in error or restoring). */
export const ALERTING_STATUSES = ["Abnormal", "Retrying", "PrecheckFailed"] as const;

/** When a consumer was last seen on group `g` (lease `l`, rule `r`): the lease's end, its last sample, or the rule's setting. */
const LAST_SEEN_SQL = Prisma.sql`GREATEST(l."expires_at", (SELECT MAX(h."at") FROM "heartbeat_history" h WHERE h."group_id" = g."id"), r."updated_at")`;
const MINUTES_AWAY_SQL = Prisma.sql`CAST(EXTRACT(EPOCH FROM (${NOW_UTC} - ${LAST_SEEN_SQL})) / 60 AS INTEGER)`;

/** The statement that queues the events of CTE `events` (their `transition`) for every enabled channel, once each. */
function queueDeliveries(events: "fired" | "resolved", transition: "firing" | "resolved") {
  return Prisma.sql`
      INSERT INTO "notification_delivery" ("event_id", "channel_id", "transition", "next_attempt_at", "created_at", "updated_at")
      SELECT e."id", c."id", ${transition}::text, ${NOW_UTC}, ${NOW_UTC}, ${NOW_UTC}
        FROM ${Prisma.raw(events)} e CROSS JOIN "notification_channel" c
       WHERE c."enabled"
      ON CONFLICT ("event_id", "channel_id", "transition") WHERE "event_id" IS NOT NULL DO NOTHING`;
}

interface Opened {
  id: bigint;
  instance_id: string;
  group_id: string;
  rule: string;
}

/** One evaluation; null when another process holds the lock (it is evaluating). */
export async function evaluateAlerts(db: Db): Promise<{ fired: number; resolved: number } | null> {
  return db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${ALERT_LOCK_KEY}) AS "locked"`;
    if (!lock.locked) return null;
    const fired = await fire(tx);
    const resolved = await resolve(tx);
    for (const e of fired) await audit(tx, "alertFired", e);
    for (const e of resolved) await audit(tx, "alertResolved", e);
    return { fired: fired.length, resolved: resolved.length };
  });
}

const statuses = ALERTING_STATUSES as readonly string[];

async function fire(tx: Tx): Promise<Opened[]> {
  // Latency: a connected group over its instance's threshold. Status: an instance in error.
  return tx.$queryRaw<Opened[]>`
    WITH candidates AS (
      SELECT g."instance_id", g."id" AS "group_id", 'delay' AS "rule", g."message_delay_seconds" AS "value",
             a."delay_over_seconds" AS "threshold", '' AS "detail"
        FROM "instance_alert" a
        JOIN "consumer_group" g ON g."instance_id" = a."instance_id"
        JOIN "consumer_lease" l ON l."group_id" = g."id" AND ${LEASE_LIVE_SQL}
       WHERE a."delay_alert" AND g."message_delay_seconds" > a."delay_over_seconds"
      UNION ALL
      SELECT i."id", '', 'status', 0, 0, i."status"::text
        FROM "instance_alert" a
        JOIN "instance" i ON i."id" = a."instance_id"
       WHERE a."error_alert" AND i."status"::text = ANY(${statuses}::text[])
      UNION ALL
      -- A group's own rule: its delay over N seconds for M minutes (every sample of the last M
      -- minutes over N, and samples reaching back that far) ...
      SELECT g."instance_id", g."id", 'group_delay', g."message_delay_seconds", r."delay_over_seconds", ''
        FROM "group_alert_rule" r
        JOIN "consumer_group" g ON g."id" = r."group_id"
        JOIN "consumer_lease" l ON l."group_id" = g."id" AND ${LEASE_LIVE_SQL}
       WHERE r."enabled" AND g."message_delay_seconds" > r."delay_over_seconds"
         AND (r."delay_for_minutes" = 0 OR (
              EXISTS (SELECT 1 FROM "heartbeat_history" h
                       WHERE h."group_id" = g."id" AND h."at" <= ${NOW_UTC} - make_interval(mins => r."delay_for_minutes"))
              AND NOT EXISTS (SELECT 1 FROM "heartbeat_history" h
                       WHERE h."group_id" = g."id" AND h."at" > ${NOW_UTC} - make_interval(mins => r."delay_for_minutes")
                         AND COALESCE(h."message_delay_seconds", 0) <= r."delay_over_seconds")))
      UNION ALL
      -- ... stalled ...
      SELECT g."instance_id", g."id", 'stalled', COALESCE(g."unconsumed_records", 0), ${STALLED_AFTER_SECONDS}, ''
        FROM "group_alert_rule" r
        JOIN "consumer_group" g ON g."id" = r."group_id"
        JOIN "consumer_lease" l ON l."group_id" = g."id"
       WHERE r."enabled" AND r."stalled" AND ${STALLED_SQL}
      UNION ALL
      -- ... or no consumer for N minutes (since the last lease, heartbeat sample or the rule itself).
      SELECT g."instance_id", g."id", 'disconnected', ${MINUTES_AWAY_SQL}, r."disconnected_minutes", ''
        FROM "group_alert_rule" r
        JOIN "consumer_group" g ON g."id" = r."group_id"
        LEFT JOIN "consumer_lease" l ON l."group_id" = g."id"
       WHERE r."enabled" AND r."disconnected_minutes" IS NOT NULL
         AND NOT COALESCE(${LEASE_LIVE_SQL}, false)
         AND ${LAST_SEEN_SQL} < ${NOW_UTC} - make_interval(mins => r."disconnected_minutes")
    ),
    fired AS (
      INSERT INTO "alert_event" ("instance_id", "group_id", "rule", "value", "threshold", "detail", "fired_at")
      SELECT "instance_id", "group_id", "rule", "value", "threshold", "detail", ${NOW_UTC} FROM candidates
      ON CONFLICT ("instance_id", "rule", "group_id") WHERE "resolved_at" IS NULL DO NOTHING
      RETURNING "id", "instance_id", "group_id", "rule"
    ),
    queued AS (${queueDeliveries("fired", "firing")})
    SELECT * FROM fired`;
}

async function resolve(tx: Tx): Promise<Opened[]> {
  // Open while the alert is on and its cause stands. A latency alert stays open while the consumer
  // is away (nothing says it caught up) and closes once a connected consumer is at or under 80% of
  // the threshold, or the group or the setting is gone; a status alert once the status is not an
  // error one, or the setting is off.
  return tx.$queryRaw<Opened[]>`
    WITH resolved AS (
      UPDATE "alert_event" e SET "resolved_at" = GREATEST(${NOW_UTC}, e."fired_at")
       WHERE e."resolved_at" IS NULL AND (
         (e."rule" = 'delay' AND NOT EXISTS (
            SELECT 1 FROM "instance_alert" a
              JOIN "consumer_group" g ON g."instance_id" = a."instance_id" AND g."id" = e."group_id"
              LEFT JOIN "consumer_lease" l ON l."group_id" = g."id" AND ${LEASE_LIVE_SQL}
             WHERE a."instance_id" = e."instance_id" AND a."delay_alert"
               AND NOT (l."group_id" IS NOT NULL AND COALESCE(g."message_delay_seconds", 0) <= a."delay_over_seconds" * ${DELAY_RESOLVE_SHARE}::float8)))
         OR (e."rule" = 'status' AND NOT EXISTS (
            SELECT 1 FROM "instance_alert" a JOIN "instance" i ON i."id" = a."instance_id"
             WHERE a."instance_id" = e."instance_id" AND a."error_alert" AND i."status"::text = ANY(${statuses}::text[])))
         OR (e."rule" = 'group_delay' AND NOT EXISTS (
            SELECT 1 FROM "group_alert_rule" r
              JOIN "consumer_group" g ON g."id" = r."group_id"
              LEFT JOIN "consumer_lease" l ON l."group_id" = g."id" AND ${LEASE_LIVE_SQL}
             WHERE r."group_id" = e."group_id" AND r."enabled" AND r."delay_over_seconds" IS NOT NULL
               AND NOT (l."group_id" IS NOT NULL AND COALESCE(g."message_delay_seconds", 0) <= r."delay_over_seconds" * ${DELAY_RESOLVE_SHARE}::float8)))
         OR (e."rule" = 'stalled' AND NOT EXISTS (
            SELECT 1 FROM "group_alert_rule" r
              JOIN "consumer_group" g ON g."id" = r."group_id"
              JOIN "consumer_lease" l ON l."group_id" = g."id"
             WHERE r."group_id" = e."group_id" AND r."enabled" AND r."stalled" AND ${STALLED_SQL}))
         OR (e."rule" = 'disconnected' AND NOT EXISTS (
            SELECT 1 FROM "group_alert_rule" r
              JOIN "consumer_group" g ON g."id" = r."group_id"
              LEFT JOIN "consumer_lease" l ON l."group_id" = g."id"
             WHERE r."group_id" = e."group_id" AND r."enabled" AND r."disconnected_minutes" IS NOT NULL
               AND NOT COALESCE(${LEASE_LIVE_SQL}, false)))
       )
      RETURNING e."id", e."instance_id", e."group_id", e."rule"
    ),
    queued AS (${queueDeliveries("resolved", "resolved")})
    SELECT * FROM resolved`;
}

function audit(tx: Tx, action: "alertFired" | "alertResolved", e: Opened) {
  return writeAudit(tx, { username: "system", action, instanceId: e.instance_id, groupId: e.group_id || null });
}
