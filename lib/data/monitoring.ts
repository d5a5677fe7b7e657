import "server-only";
import type { SessionUser } from "../auth/session";
import { getDb } from "../db";
import { DTS_ID_PATTERN } from "../validation/consumer-group";
import { MONITOR_RANGES, type MonitorRange } from "../validation/monitoring";
import { assertReader } from "./guard";

/** Each group's highest delay and backlog per step of the range (null: no sample in that step). */
export interface MonitorSeries {
  delay: (number | null)[];
  unconsumed: (number | null)[];
}

export interface InstanceMonitoring {
  instanceId: string;
  range: MonitorRange;
  /** the first step's start, ms since the epoch */
  from: number;
  to: number;
  stepMs: number;
  points: number;
  groups: Partial<Record<string, MonitorSeries>>;
}

/**
 * The Monitoring tab's chart data: every group of the instance over the range, in one statement
 * (a primary-key range per group in the samples of the last 24 hours and, for longer ranges, in
 * the minute averages); or null when the instance does not exist.
 */
export async function getInstanceMonitoring(
  user: SessionUser,
  instanceId: string,
  range: MonitorRange,
  now = new Date(),
): Promise<InstanceMonitoring | null> {
  assertReader(user);
  if (!DTS_ID_PATTERN.test(instanceId)) return null;
  const db = await getDb();
  const { ms, stepMs } = MONITOR_RANGES[range];
  const points = Math.round(ms / stepMs);
  const from = Math.floor(now.getTime() / stepMs) * stepMs - (points - 1) * stepMs;
  const since = new Date(from);
  const rows = await db.$queryRaw<{ group_id: string | null; step: number | null; delay: number | null; unconsumed: number | null }[]>`
    WITH "groups" AS (SELECT "id" FROM "consumer_group" WHERE "instance_id" = ${instanceId}),
    "samples" AS (
      SELECT h."group_id", h."at", h."message_delay_seconds", h."unconsumed_records"
        FROM "groups" g JOIN "heartbeat_history" h ON h."group_id" = g."id" AND h."at" >= ${since}
      UNION ALL
      SELECT m."group_id", m."at", m."message_delay_seconds", m."unconsumed_records"
        FROM "groups" g JOIN "heartbeat_minute" m ON m."group_id" = g."id" AND m."at" >= ${since})
    SELECT i."id" AS "instance_id", s."group_id",
           CAST(FLOOR((EXTRACT(EPOCH FROM s."at") * 1000 - ${from}) / ${stepMs}) AS INTEGER) AS "step",
           MAX(s."message_delay_seconds") AS "delay", MAX(s."unconsumed_records") AS "unconsumed"
      FROM "instance" i
      LEFT JOIN "samples" s ON true
     WHERE i."id" = ${instanceId}
     GROUP BY 1, 2, 3`;
  if (!rows.length) return null;
  const groups: Partial<Record<string, MonitorSeries>> = {};
  for (const r of rows) {
    if (r.group_id === null || r.step === null || r.step < 0 || r.step >= points) continue;
    const series = (groups[r.group_id] ??= {
      delay: Array<number | null>(points).fill(null),
      unconsumed: Array<number | null>(points).fill(null),
    });
    series.delay[r.step] = r.delay;
    series.unconsumed[r.step] = r.unconsumed;
  }
  return { instanceId, range, from, to: now.getTime(), stepMs, points, groups };
}
