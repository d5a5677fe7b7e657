import "server-only";
import type { SessionUser } from "../auth/session";
import { getDb } from "../db";
import { LEASE_LIVE_SQL, STALLED_SQL } from "./lag-sql";
import { assertReader } from "./guard";

/** A group of the Lagging Consumer Groups page (JSON-safe). */
export interface LaggingGroupRow {
  instanceId: string;
  instanceName: string;
  groupId: string;
  groupName: string;
  account: string;
  stalled: boolean;
  delaySeconds: number | null;
  unconsumedRecords: number | null;
  checkpointAt: string | null;
}

export interface LaggingGroupPage {
  rows: LaggingGroupRow[];
  total: number;
  page: number;
  pageCount: number;
}

interface Row extends Omit<LaggingGroupRow, "checkpointAt"> {
  checkpointAt: Date | null;
  total: bigint | number;
}

/**
 * Every connected consumer group of the region whose delay is over `overSeconds` or that is
 * stalled (docs/rules.md "Lag health"), stalled first, then by delay, worst first; one page. One
 * statement: from the live leases (few) to their groups and instances.
 */
export async function listLaggingGroups(
  user: SessionUser,
  regionId: string,
  options: { overSeconds: number; page: number; pageSize: number },
): Promise<LaggingGroupPage> {
  assertReader(user);
  const db = await getDb();
  const { overSeconds, page, pageSize } = options;
  const rows = await db.$queryRaw<Row[]>`
    WITH live AS (
      SELECT g."id" AS "groupId", g."name" AS "groupName", g."username" AS "account",
             i."id" AS "instanceId", i."name" AS "instanceName",
             g."message_delay_seconds" AS "delaySeconds", g."unconsumed_records" AS "unconsumedRecords",
             g."checkpoint_at" AS "checkpointAt",
             ${STALLED_SQL} AS "stalled"
        FROM "consumer_lease" l
        JOIN "consumer_group" g ON g."id" = l."group_id"
        JOIN "instance" i ON i."id" = g."instance_id"
       WHERE ${LEASE_LIVE_SQL} AND i."region_id" = ${regionId}
    )
    SELECT *, COUNT(*) OVER () AS "total"
      FROM live
     WHERE "stalled" OR "delaySeconds" > ${overSeconds}
     ORDER BY "stalled" DESC, "delaySeconds" DESC NULLS LAST, "groupId" ASC
     LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && page > 1) {
    // Past the last page: the count still tells how many there are.
    const [count] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(*) AS "n"
        FROM "consumer_lease" l
        JOIN "consumer_group" g ON g."id" = l."group_id"
        JOIN "instance" i ON i."id" = g."instance_id"
       WHERE ${LEASE_LIVE_SQL} AND i."region_id" = ${regionId}
         AND (g."message_delay_seconds" > ${overSeconds} OR ${STALLED_SQL})`;
    total = Number(count.n);
  }
  return {
    rows: rows.map(({ total: _total, checkpointAt, ...r }) => ({ ...r, checkpointAt: checkpointAt?.toISOString() ?? null })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}
