import "server-only";
import type { SessionUser } from "../auth/session";
import { getDb } from "../db";
import { DTS_ID_PATTERN } from "../validation/consumer-group";
import { lagHealth, type LagHealth, type LagSample } from "../consumer/lag-health";
import { LAG_TREND_WINDOW_MS } from "../validation/rules";
import { assertReader } from "./guard";

/** The trend charts' window: the last hour. */
export const TREND_WINDOW_MS = 60 * 60 * 1000;
/** The sparklines' resolution: one point per minute of the window. */
export const SPARKLINE_STEP_MS = 60 * 1000;

/** One heartbeat sample (docs/rules.md "Consumer history"), JSON-safe. */
export interface HistorySample {
  /** the 10-second slot, ms since the epoch */
  t: number;
  delay: number | null;
  unconsumed: number | null;
}

export interface GroupHistory {
  groupId: string;
  from: number;
  to: number;
  samples: HistorySample[];
}

/**
 * A group's samples of the last hour, oldest first, or null when the instance has no such group. The
 * primary key (group_id, at) serves it: one short index range, at most 360 rows.
 */
export async function getGroupHistory(
  user: SessionUser,
  instanceId: string,
  groupId: string,
  now = new Date(),
): Promise<GroupHistory | null> {
  assertReader(user);
  if (!DTS_ID_PATTERN.test(groupId)) return null;
  const db = await getDb();
  const from = new Date(now.getTime() - TREND_WINDOW_MS);
  const group = await db.consumerGroup.findUnique({
    where: { id: groupId },
    select: {
      id: true,
      instanceId: true,
      history: {
        where: { at: { gte: from } },
        orderBy: { at: "asc" },
        select: { at: true, messageDelaySeconds: true, unconsumedRecords: true },
      },
    },
  });
  if (!group || group.instanceId !== instanceId) return null;
  return {
    groupId: group.id,
    from: from.getTime(),
    to: now.getTime(),
    samples: group.history.map((s) => ({ t: s.at.getTime(), delay: s.messageDelaySeconds, unconsumed: s.unconsumedRecords })),
  };
}

/**
 * Per group: the highest delay and backlog of each minute of the last hour (null: no sample), and
 * the backlog's trend and time to catch up from the last minutes' samples (docs/rules.md "Lag health").
 */
export interface Sparkline extends LagHealth {
  delay: (number | null)[];
  unconsumed: (number | null)[];
}

export interface InstanceSparklines {
  instanceId: string;
  /** the first minute's start, ms since the epoch */
  from: number;
  stepMs: number;
  groups: Record<string, Sparkline>;
}

/**
 * The Data Consume table's sparklines: each group's last hour in 60 one-minute points, aggregated
 * in the database (a range of the primary key per group), with each backlog's trend; or null when
 * the instance does not exist.
 */
export async function listSparklines(user: SessionUser, instanceId: string, now = new Date()): Promise<InstanceSparklines | null> {
  assertReader(user);
  if (!DTS_ID_PATTERN.test(instanceId)) return null;
  const db = await getDb();
  const instance = await db.instance.findUnique({
    where: { id: instanceId },
    select: { id: true, consumerGroups: { select: { id: true } } },
  });
  if (!instance) return null;
  const points = Math.round(TREND_WINDOW_MS / SPARKLINE_STEP_MS);
  const from = Math.floor(now.getTime() / SPARKLINE_STEP_MS) * SPARKLINE_STEP_MS - (points - 1) * SPARKLINE_STEP_MS;
  const rows = await db.$queryRaw<{ group_id: string; minute: number; delay: number | null; unconsumed: number | null }[]>`
    SELECT h."group_id",
           CAST(FLOOR((EXTRACT(EPOCH FROM h."at") * 1000 - ${from}) / ${SPARKLINE_STEP_MS}) AS INTEGER) AS "minute",
           MAX(h."message_delay_seconds") AS "delay",
           MAX(h."unconsumed_records") AS "unconsumed"
      FROM "consumer_group" g
      JOIN "heartbeat_history" h ON h."group_id" = g."id" AND h."at" >= ${new Date(from)}
     WHERE g."instance_id" = ${instance.id}
     GROUP BY 1, 2`;
  // The trend's window, sample by sample, with the checkpoint (a reset cuts the history).
  const recent = await db.$queryRaw<{ group_id: string; at: Date; checkpoint_at: Date | null; unconsumed: number | null }[]>`
    SELECT h."group_id", h."at", h."checkpoint_at", h."unconsumed_records" AS "unconsumed"
      FROM "consumer_group" g
      JOIN "heartbeat_history" h ON h."group_id" = g."id" AND h."at" > ${new Date(now.getTime() - LAG_TREND_WINDOW_MS)}
     WHERE g."instance_id" = ${instance.id}`;
  const samples = new Map<string, LagSample[]>();
  for (const r of recent) {
    const list = samples.get(r.group_id) ?? [];
    list.push({ t: r.at.getTime(), checkpoint: r.checkpoint_at?.getTime() ?? null, unconsumed: r.unconsumed });
    samples.set(r.group_id, list);
  }
  const groups: Record<string, Sparkline> = {};
  for (const g of instance.consumerGroups)
    groups[g.id] = {
      delay: Array<number | null>(points).fill(null),
      unconsumed: Array<number | null>(points).fill(null),
      ...lagHealth(samples.get(g.id) ?? [], now.getTime()),
    };
  for (const r of rows) {
    const line = groups[r.group_id] as Sparkline | undefined;
    const i = r.minute;
    if (!line || i < 0 || i >= points) continue;
    line.delay[i] = r.delay;
    line.unconsumed[i] = r.unconsumed;
  }
  return { instanceId: instance.id, from, stepMs: SPARKLINE_STEP_MS, groups };
}
