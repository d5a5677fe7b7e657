import type { Db } from "./db/connect";

export interface ThrottlePolicy {
  /** failures allowed inside the window before the key is blocked */
  limit: number;
  windowMs: number;
  blockMs: number;
}

/** Seconds until the key may try again, or 0 when it is not blocked. */
export async function retryAfterSeconds(db: Db, key: string, now = new Date()): Promise<number> {
  const row = await db.authFailure.findUnique({ where: { key }, select: { blockedUntil: true } });
  if (!row?.blockedUntil || row.blockedUntil <= now) return 0;
  return Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000);
}

/** Counts a failure; blocks the key once it reaches the limit inside the window. */
export async function recordFailure(db: Db, key: string, policy: ThrottlePolicy, now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - policy.windowMs);
  const blockedUntil = new Date(now.getTime() + policy.blockMs);
  // One statement, so concurrent failures are all counted.
  await db.$executeRaw`
    INSERT INTO "auth_failure" ("key", "failures", "window_start") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "auth_failure"."window_start" < ${windowStart} THEN 1 ELSE "auth_failure"."failures" + 1 END,
      "window_start" = CASE WHEN "auth_failure"."window_start" < ${windowStart} THEN ${now} ELSE "auth_failure"."window_start" END,
      "blocked_until" = CASE
        WHEN "auth_failure"."window_start" >= ${windowStart} AND "auth_failure"."failures" + 1 >= ${policy.limit} THEN ${blockedUntil}
        ELSE "auth_failure"."blocked_until" END`;
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.authFailure.deleteMany({ where: { key } });
}

export const SIGN_IN_POLICY: ThrottlePolicy = { limit: 5, windowMs: 15 * 60_000, blockMs: 60_000 };
export const SIGN_IN_IP_POLICY: ThrottlePolicy = { limit: 20, windowMs: 15 * 60_000, blockMs: 60_000 };
export const CONSUMER_POLICY: ThrottlePolicy = { limit: 10, windowMs: 5 * 60_000, blockMs: 60_000 };
export const CHANGE_PASSWORD_POLICY: ThrottlePolicy = { limit: 5, windowMs: 15 * 60_000, blockMs: 60_000 };
