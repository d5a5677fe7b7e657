import type { Db } from "../db/connect";

/** One sample per group per slot of this many milliseconds (docs/rules.md "Consumer history"). */
export const HISTORY_SLOT_MS = 10_000;
/** How long samples are kept as they were written; older ones are averaged to one a minute. */
export const HISTORY_RETENTION_MS = 24 * 60 * 60 * 1000;
/** How long the minute averages are kept. */
export const MINUTE_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;

type Sql = Pick<Db, "$executeRaw" | "$queryRaw">;

/** pg_advisory lock key of the all-groups history sweep (an arbitrary constant of this application). */
const HISTORY_SWEEP_LOCK_KEY = 7_402_118_001;

/** The start of the 10-second slot a time falls in: the sample's `at`. */
export function historySlot(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HISTORY_SLOT_MS) * HISTORY_SLOT_MS);
}

/**
 * Records a heartbeat's progress in the group's history, in the heartbeat's transaction. The first
 * heartbeat of a 10-second slot writes it and later ones in that slot do nothing (the primary key
 * is the rule). A written sample ages out its own group's samples older than 24 hours (a short range
 * of the primary key, no other group's rows touched, so heartbeats of different groups never wait
 * on each other); the first sample of each hour also sweeps every group's, through the index on
 * `at`, so the history of groups that stopped consuming goes too, and drops minute averages older
 * than 7 days.
 */
export async function recordHeartbeatSample(
  db: Sql,
  groupId: string,
  now: Date,
  progress: { checkpointAt: Date | null; messageDelaySeconds: number | null; unconsumedRecords: number | null },
): Promise<boolean> {
  const slot = historySlot(now);
  const written = await db.$executeRaw`
    INSERT INTO "heartbeat_history" ("group_id", "at", "checkpoint_at", "message_delay_seconds", "unconsumed_records")
    VALUES (${groupId}, ${slot}, ${progress.checkpointAt}, ${progress.messageDelaySeconds}, ${progress.unconsumedRecords})
    ON CONFLICT ("group_id", "at") DO NOTHING`;
  if (written === 0) return false;
  await ageOutSamples(db, now, groupId);
  if (slot.getTime() % 3_600_000 === 0) await ageOutSamples(db, now);
  return true;
}

/**
 * Moves samples older than 24 hours into their minute's average (of one group, or of all) and, for
 * all, drops minute averages older than 7 days. The cutoff is a minute's start, so a minute's
 * samples always leave together and its average is written once (a second is ignored: the key).
 */
export async function ageOutSamples(db: Sql, now: Date, groupId: string | null = null): Promise<void> {
  // One sweep of every group at a time: two heartbeats sweeping at once would each wait on rows the
  // other's own-group step holds (a deadlock); the one that does not get the lock leaves it to the other.
  if (groupId === null) {
    const lock = await db.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${HISTORY_SWEEP_LOCK_KEY}) AS "locked"`;
    if (!lock.at(0)?.locked) return;
  }
  const cutoff = new Date(Math.floor((now.getTime() - HISTORY_RETENTION_MS) / MINUTE_MS) * MINUTE_MS);
  await db.$executeRaw`
    WITH "aged" AS (
      DELETE FROM "heartbeat_history"
       WHERE "at" < ${cutoff} AND (${groupId}::text IS NULL OR "group_id" = ${groupId}::text)
      RETURNING "group_id", "at", "message_delay_seconds", "unconsumed_records")
    INSERT INTO "heartbeat_minute" ("group_id", "at", "message_delay_seconds", "unconsumed_records")
    SELECT "group_id", date_trunc('minute', "at"), CAST(ROUND(AVG("message_delay_seconds")) AS INTEGER), CAST(ROUND(AVG("unconsumed_records")) AS INTEGER)
      FROM "aged"
     WHERE "at" >= ${new Date(now.getTime() - MINUTE_RETENTION_MS)}
     GROUP BY 1, 2
    ON CONFLICT ("group_id", "at") DO NOTHING`;
  if (groupId === null) await db.$executeRaw`DELETE FROM "heartbeat_minute" WHERE "at" < ${new Date(now.getTime() - MINUTE_RETENTION_MS)}`;
}
