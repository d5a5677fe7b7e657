import { createHash } from "node:crypto";
import type { Db } from "./db/connect";

/**
 * Throttling of password guessing (docs/rules.md "Throttling"), one helper for sign-in, the
 * consumer credential check, change-password and the OpenAPI's signatures. Failures are counted three ways:
 * - per account and client together: blocks that client from that account for a while;
 * - per client: blocks a client guessing across many accounts;
 * - per account: never blocks (that would hand anyone a lockout of someone else), only slows
 *   every attempt on the account down a little more with each failure.
 * A client that has not failed itself is never blocked by the failures of others.
 */
export interface ThrottlePolicy {
  /** failures allowed inside the window before the key is blocked; null: never block */
  limit: number | null;
  windowMs: number;
  blockMs: number;
}

export interface ThrottleScope {
  name: "signin" | "consumer" | "change" | "openapi";
  pair: ThrottlePolicy;
  client: ThrottlePolicy;
  /** failures on the account (from anyone) after which each attempt waits, doubling up to maxDelayMs */
  account: { after: number; windowMs: number; maxDelayMs: number };
}

const MINUTE = 60_000;

export const SIGN_IN_THROTTLE: ThrottleScope = {
  name: "signin",
  pair: { limit: 5, windowMs: 15 * MINUTE, blockMs: MINUTE },
  client: { limit: 20, windowMs: 15 * MINUTE, blockMs: MINUTE },
  account: { after: 10, windowMs: 15 * MINUTE, maxDelayMs: 2_000 },
};
export const CONSUMER_THROTTLE: ThrottleScope = {
  name: "consumer",
  pair: { limit: 10, windowMs: 5 * MINUTE, blockMs: MINUTE },
  client: { limit: 30, windowMs: 5 * MINUTE, blockMs: MINUTE },
  account: { after: 20, windowMs: 5 * MINUTE, maxDelayMs: 2_000 },
};
/** Change-password's "client" is the signed-in user: guessing a group's current password. */
export const CHANGE_PASSWORD_THROTTLE: ThrottleScope = {
  name: "change",
  pair: { limit: 5, windowMs: 15 * MINUTE, blockMs: MINUTE },
  client: { limit: 20, windowMs: 15 * MINUTE, blockMs: MINUTE },
  account: { after: 10, windowMs: 15 * MINUTE, maxDelayMs: 2_000 },
};

/** The OpenAPI's signature check: the "account" is the AccessKey ID, the client its address. */
export const OPENAPI_THROTTLE: ThrottleScope = {
  name: "openapi",
  pair: { limit: 10, windowMs: 5 * MINUTE, blockMs: MINUTE },
  client: { limit: 30, windowMs: 5 * MINUTE, blockMs: MINUTE },
  account: { after: 20, windowMs: 5 * MINUTE, maxDelayMs: 2_000 },
};

/** Who is trying what: the account (user name, SASL user, group) and the client (an address or a user id). */
export interface Attempt {
  account: string;
  client: string | null;
}

/** Keys are built from hashes: bounded, printable, and no request text in the table. */
const part = (value: string) => createHash("sha256").update(value.toWellFormed().toLowerCase()).digest("base64url").slice(0, 22);

export function throttleKeys(scope: ThrottleScope, who: Attempt) {
  const account = part(who.account);
  const client = who.client ? part(who.client) : "unknown";
  return {
    pair: `${scope.name}:pair:${account}|${client}`,
    client: `${scope.name}:client:${client}`,
    account: `${scope.name}:account:${account}`,
  };
}

export interface ThrottleVerdict {
  /** seconds until this client may try this account again; 0 when it may now */
  retryAfter: number;
  /** how long to wait before checking the password, because the account is under attack */
  delayMs: number;
}

/** Whether this client may try now, and how much it is slowed down. */
export async function checkThrottle(db: Db, scope: ThrottleScope, who: Attempt, now = new Date()): Promise<ThrottleVerdict> {
  const keys = throttleKeys(scope, who);
  const rows = await db.authFailure.findMany({
    where: { key: { in: [keys.pair, keys.client, keys.account] } },
    select: { key: true, failures: true, windowStart: true, blockedUntil: true },
  });
  let retryAfter = 0;
  let delayMs = 0;
  for (const row of rows) {
    if (row.key !== keys.account && row.blockedUntil && row.blockedUntil > now) {
      retryAfter = Math.max(retryAfter, Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000));
    }
    if (row.key === keys.account && row.windowStart.getTime() > now.getTime() - scope.account.windowMs) {
      const over = row.failures - scope.account.after;
      if (over >= 0) delayMs = Math.min(scope.account.maxDelayMs, 250 * 2 ** Math.min(over, 10));
    }
  }
  return { retryAfter, delayMs };
}

/** Counts a failed attempt on all three keys. */
export async function recordThrottleFailure(db: Db, scope: ThrottleScope, who: Attempt, now = new Date()): Promise<void> {
  const keys = throttleKeys(scope, who);
  await recordFailure(db, keys.pair, scope.pair, now);
  await recordFailure(db, keys.client, scope.client, now);
  await recordFailure(db, keys.account, { limit: null, windowMs: scope.account.windowMs, blockMs: 0 }, now);
}

/** A success forgets this client's failures on this account (not the client's others, nor the account's). */
export async function clearThrottle(db: Db, scope: ThrottleScope, who: Attempt): Promise<void> {
  await db.authFailure.deleteMany({ where: { key: throttleKeys(scope, who).pair } });
}

/** Waits (the account slow-down); resolves at once for 0. */
export const pause = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/** Counts a failure; blocks the key once it reaches the limit inside the window. */
export async function recordFailure(db: Db, key: string, policy: ThrottlePolicy, now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - policy.windowMs);
  const blockedUntil = policy.limit === null ? null : new Date(now.getTime() + policy.blockMs);
  const limit = policy.limit ?? 0;
  // One statement, so concurrent failures are all counted.
  await db.$executeRaw`
    INSERT INTO "auth_failure" ("key", "failures", "window_start", "blocked_until")
    VALUES (${key}, 1, ${now}, CASE WHEN ${limit}::int = 1 THEN ${blockedUntil}::timestamp(3) ELSE NULL END)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "auth_failure"."window_start" < ${windowStart} THEN 1 ELSE "auth_failure"."failures" + 1 END,
      "window_start" = CASE WHEN "auth_failure"."window_start" < ${windowStart} THEN ${now} ELSE "auth_failure"."window_start" END,
      "blocked_until" = CASE
        WHEN ${blockedUntil}::timestamp(3) IS NOT NULL AND "auth_failure"."window_start" >= ${windowStart}
             AND "auth_failure"."failures" + 1 >= ${limit}::int THEN ${blockedUntil}::timestamp(3)
        ELSE "auth_failure"."blocked_until" END`;
}
