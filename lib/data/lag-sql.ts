import "server-only";
import { Prisma } from "../generated/prisma/client";
import { STALLED_AFTER_SECONDS } from "../validation/rules";

/**
 * The database's clock in the columns' terms (UTC without a zone), and Stalled (docs/rules.md "Lag
 * health") over a consumer group `g` and its lease `l`, as one SQL expression: every read that
 * says Stalled (Data Consume, the Lagging page, /metrics) says it the same way.
 */
export const NOW_UTC = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/**
 * A consumer's lease `l` is live while its end is ahead of the database's clock (docs/rules.md
 * "Consumers"): the one definition of "connected" every SQL read uses.
 */
export const LEASE_LIVE_SQL = Prisma.sql`l."expires_at" > ${NOW_UTC}`;

/** The same for a lease already read (its end, or null when there is none). */
export function leaseLive(expiresAt: Date | null | undefined, now: number = Date.now()): boolean {
  return !!expiresAt && expiresAt.getTime() > now;
}

export const STALLED_SQL = Prisma.sql`COALESCE(${LEASE_LIVE_SQL}
  AND g."unconsumed_records" > 0
  AND GREATEST(l."connected_at", g."checkpoint_moved_at") < ${NOW_UTC} - make_interval(secs => ${STALLED_AFTER_SECONDS}),
  false)`;
