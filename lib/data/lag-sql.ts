import "server-only";
import { Prisma } from "../generated/prisma/client";
import { STALLED_AFTER_SECONDS } from "../validation/rules";

/**
 * The database's clock in the columns' terms (UTC without a zone), and Stalled (docs/rules.md "Lag
 * health") over a consumer group `g` and its lease `l`, as one SQL expression: every read that
 * says Stalled (Data Consume, the Lagging page, /metrics) says it the same way.
 */
export const NOW_UTC = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

export const STALLED_SQL = Prisma.sql`COALESCE(l."expires_at" > ${NOW_UTC}
  AND g."unconsumed_records" > 0
  AND GREATEST(l."connected_at", g."checkpoint_moved_at") < ${NOW_UTC} - make_interval(secs => ${STALLED_AFTER_SECONDS}),
  false)`;
