import "server-only";
import { getDb } from "../db";
import type { ScrapeGrant } from "../metrics/token";
import { NOW_UTC, STALLED_SQL } from "./lag-sql";

/** One consumer group's figures as Prometheus reads them (docs/rules.md "Metrics"). */
export interface GroupMetricRow {
  region: string;
  instance: string;
  group: string;
  connected: boolean;
  stalled: boolean;
  /** null while no consumer is connected */
  delaySeconds: number | null;
  unconsumedRecords: number | null;
  /** the committed checkpoint, seconds since the epoch; null before the first */
  checkpointSeconds: number | null;
}

/**
 * Every consumer group of every region, in one statement: what a scrape reports. Takes the proof
 * of an authorized scrape instead of a user: the metrics token is its own credential.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the parameter is the proof, its value unused
export async function readGroupMetrics(scrape: ScrapeGrant): Promise<GroupMetricRow[]> {
  const db = await getDb();
  return db.$queryRaw<GroupMetricRow[]>`
    SELECT i."region_id" AS "region", g."instance_id" AS "instance", g."id" AS "group",
           COALESCE(l."expires_at" > ${NOW_UTC}, false) AS "connected",
           ${STALLED_SQL} AS "stalled",
           CASE WHEN l."expires_at" > ${NOW_UTC} THEN g."message_delay_seconds" END AS "delaySeconds",
           CASE WHEN l."expires_at" > ${NOW_UTC} THEN g."unconsumed_records" END AS "unconsumedRecords",
           EXTRACT(EPOCH FROM g."checkpoint_at")::float8 AS "checkpointSeconds"
      FROM "consumer_group" g
      JOIN "instance" i ON i."id" = g."instance_id"
      LEFT JOIN "consumer_lease" l ON l."group_id" = g."id"`;
}
