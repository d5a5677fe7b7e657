import "server-only";
import { getDb } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { ScrapeGrant } from "../metrics/token";
import { LEASE_LIVE_SQL, STALLED_SQL } from "./lag-sql";

/** The per-group metrics (docs/rules.md "Metrics"), by name: their values' SQL over `g`, `l`, `live`. */
export const GROUP_METRICS = [
  "dts_consumer_group_delay_seconds",
  "dts_consumer_group_unconsumed_records",
  "dts_consumer_group_connected",
  "dts_consumer_group_stalled",
  "dts_consumer_group_checkpoint_timestamp_seconds",
] as const;
export type GroupMetric = (typeof GROUP_METRICS)[number];

export interface GroupMetricLines {
  /** each metric's sample lines in the text exposition format, one per group that has a value ("" for none) */
  lines: Record<GroupMetric, string>;
  counts: { connected: number; stalled: number; idle: number };
}

interface Row {
  delay: string;
  unconsumed: string;
  connected: string;
  stalled: string;
  checkpoint: string;
  connected_count: number;
  stalled_count: number;
  idle_count: number;
}

/**
 * Every consumer group of every region, in one statement that also writes the sample lines: at
 * 20,000 groups, turning rows into objects and objects into text in JavaScript cost more than the
 * read itself (README "Benchmark"). Labels are escaped as the format wants (backslash, quote, new
 * line). Takes the proof of an authorized scrape instead of a user: the token is its own credential.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the parameter is the proof, its value unused
export async function readGroupMetrics(scrape: ScrapeGrant): Promise<GroupMetricLines> {
  const db = await getDb();
  const esc = (column: Prisma.Sql) =>
    Prisma.sql`replace(replace(replace(${column}, ${"\\"}, ${"\\\\"}), ${'"'}, ${'\\"'}), ${"\n"}, ${"\\n"})`;
  const [row] = await db.$queryRaw<Row[]>`
    WITH m AS (
      SELECT '{region="' || ${esc(Prisma.sql`i."region_id"`)} || '",instance="' || ${esc(Prisma.sql`g."instance_id"`)}
               || '",group="' || ${esc(Prisma.sql`g."id"`)} || '"} ' AS "labels",
             COALESCE(${LEASE_LIVE_SQL}, false) AS "live",
             ${STALLED_SQL} AS "stalled",
             g."message_delay_seconds" AS "delay", g."unconsumed_records" AS "unconsumed",
             EXTRACT(EPOCH FROM g."checkpoint_at") AS "checkpoint"
        FROM "consumer_group" g
        JOIN "instance" i ON i."id" = g."instance_id"
        LEFT JOIN "consumer_lease" l ON l."group_id" = g."id"
    )
    SELECT
      COALESCE(string_agg('dts_consumer_group_delay_seconds' || "labels" || "delay", ${"\n"}::text) FILTER (WHERE "live" AND "delay" IS NOT NULL), '') AS "delay",
      COALESCE(string_agg('dts_consumer_group_unconsumed_records' || "labels" || "unconsumed", ${"\n"}::text) FILTER (WHERE "live" AND "unconsumed" IS NOT NULL), '') AS "unconsumed",
      COALESCE(string_agg('dts_consumer_group_connected' || "labels" || CASE WHEN "live" THEN '1' ELSE '0' END, ${"\n"}::text), '') AS "connected",
      COALESCE(string_agg('dts_consumer_group_stalled' || "labels" || CASE WHEN "stalled" THEN '1' ELSE '0' END, ${"\n"}::text), '') AS "stalled",
      COALESCE(string_agg('dts_consumer_group_checkpoint_timestamp_seconds' || "labels" || "checkpoint", ${"\n"}::text) FILTER (WHERE "checkpoint" IS NOT NULL), '') AS "checkpoint",
      COUNT(*) FILTER (WHERE "live" AND NOT "stalled")::int AS "connected_count",
      COUNT(*) FILTER (WHERE "stalled")::int AS "stalled_count",
      COUNT(*) FILTER (WHERE NOT "live")::int AS "idle_count"
      FROM m`;
  return {
    lines: {
      dts_consumer_group_delay_seconds: row.delay,
      dts_consumer_group_unconsumed_records: row.unconsumed,
      dts_consumer_group_connected: row.connected,
      dts_consumer_group_stalled: row.stalled,
      dts_consumer_group_checkpoint_timestamp_seconds: row.checkpoint,
    },
    counts: { connected: row.connected_count, stalled: row.stalled_count, idle: row.idle_count },
  };
}

/** Alerts open by rule, and notification deliveries by status: one statement. */
export async function readAlertMetrics(
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the parameter is the proof, its value unused
  scrape: ScrapeGrant,
): Promise<{ kind: "firing" | "delivery"; label: string; count: number }[]> {
  const db = await getDb();
  return db.$queryRaw`
    SELECT 'firing' AS "kind", "rule" AS "label", COUNT(*)::int AS "count" FROM "alert_event" WHERE "resolved_at" IS NULL GROUP BY "rule"
    UNION ALL
    SELECT 'delivery', "status", COUNT(*)::int FROM "notification_delivery" GROUP BY "status"`;
}
