import type { Db } from "../db/connect";

/** One sample per group per slot of this many milliseconds (docs/rules.md "Consumer history"). */
export const HISTORY_SLOT_MS = 10_000;
/** How long samples are kept. */
export const HISTORY_RETENTION_MS = 24 * 60 * 60 * 1000;

type Sql = Pick<Db, "$executeRaw">;

/** The start of the 10-second slot a time falls in: the sample's `at`. */
export function historySlot(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HISTORY_SLOT_MS) * HISTORY_SLOT_MS);
}

/**
 * Records a heartbeat's progress in the group's history, in the heartbeat's transaction. The first
 * heartbeat of a 10-second slot writes it and later ones in that slot do nothing (the primary key
 * is the rule). A written sample prunes its own group's samples older than 24 hours (a short range
 * of the primary key, no other group's rows touched, so heartbeats of different groups never wait
 * on each other); the first sample of each hour also sweeps every group's, through the index on
 * `at`, so the history of groups that stopped consuming goes too.
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
  const cutoff = new Date(now.getTime() - HISTORY_RETENTION_MS);
  await db.$executeRaw`DELETE FROM "heartbeat_history" WHERE "group_id" = ${groupId} AND "at" < ${cutoff}`;
  if (slot.getTime() % 3_600_000 === 0) await db.$executeRaw`DELETE FROM "heartbeat_history" WHERE "at" < ${cutoff}`;
  return true;
}
