import { createHash } from "node:crypto";
import type { Db } from "./db/connect";

/**
 * Throttling of password guessing (docs/rules.md "Throttling"), one helper for sign-in, the
 * consumer credential check, change-password and the OpenAPI's signatures. Attempts are counted three ways
 * (before the secret is checked; a success gives its attempt back):
 * - per account and client together: blocks that client from that account for a while;
 * - per client: blocks a client guessing across many accounts;
 * - per account: never blocks outright (that would hand anyone a lockout of someone else); past
 *   a number of attempts each one takes the next slot of a shared budget, further apart with each,
 *   and only when the next slot is over {@link MAX_SLOT_WAIT_MS} away is an attempt told to retry.
 * A client that has not failed itself is never blocked by the pair or client failures of others.
 */
export interface ThrottlePolicy {
  /** attempts (not yet proven good) allowed inside the window before the key is blocked; null: never block */
  limit: number | null;
  windowMs: number;
  blockMs: number;
}

export interface ThrottleScope {
  name: "signin" | "consumer" | "change" | "openapi";
  pair: ThrottlePolicy;
  client: ThrottlePolicy;
  /** attempts on the account (from anyone) after which each takes a slot of the account's budget, the slots doubling apart up to maxDelayMs */
  account: { after: number; windowMs: number; maxDelayMs: number };
}

const MINUTE = 60_000;

/** People typing a password: 5 tries a pair and 20 a client in 15 minutes, the account slowed after 10. */
const PEOPLE: Omit<ThrottleScope, "name"> = {
  pair: { limit: 5, windowMs: 15 * MINUTE, blockMs: MINUTE },
  client: { limit: 20, windowMs: 15 * MINUTE, blockMs: MINUTE },
  account: { after: 10, windowMs: 15 * MINUTE, maxDelayMs: 2_000 },
};
/** Programs presenting a credential (a consumer's SASL login, an AccessKey's signature): 10, 30 and 20 in 5 minutes. */
const PROGRAMS: Omit<ThrottleScope, "name"> = {
  pair: { limit: 10, windowMs: 5 * MINUTE, blockMs: MINUTE },
  client: { limit: 30, windowMs: 5 * MINUTE, blockMs: MINUTE },
  account: { after: 20, windowMs: 5 * MINUTE, maxDelayMs: 2_000 },
};

export const SIGN_IN_THROTTLE: ThrottleScope = { name: "signin", ...PEOPLE };
export const CONSUMER_THROTTLE: ThrottleScope = { name: "consumer", ...PROGRAMS };
/** Change-password's "client" is the signed-in user: guessing a group's current password. */
export const CHANGE_PASSWORD_THROTTLE: ThrottleScope = { name: "change", ...PEOPLE };
/** The OpenAPI's signature check: the "account" is the AccessKey ID, the client its address. */
export const OPENAPI_THROTTLE: ThrottleScope = { name: "openapi", ...PROGRAMS };

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

/** One admitted or refused attempt in this many also sweeps the counters that have lapsed. */
const SWEEP_EVERY = 100;
/** Longer than every window, block and budget above: a counter untouched this long counts nothing. */
const LAPSED_MS = 60 * MINUTE;

/**
 * Deletes the throttle's counters that no longer count anything: their window began over an hour
 * ago and neither a block nor the account's budget reaches into the future. (The audit cap's own
 * `audit:` counters are swept by lib/audit.ts.)
 */
export async function sweepThrottle(db: Db, now = new Date()): Promise<number> {
  const lapsed = new Date(now.getTime() - LAPSED_MS);
  return db.$executeRaw`
    DELETE FROM "auth_failure"
     WHERE "key" NOT LIKE 'audit:%' AND "window_start" < ${lapsed}
       AND ("blocked_until" IS NULL OR "blocked_until" < ${now})
       AND ("next_allowed_at" IS NULL OR "next_allowed_at" < ${now})`;
}

/** How long an admitted attempt may be asked to wait for its slot of the account's budget; longer is refused. */
export const MAX_SLOT_WAIT_MS = 10_000;

/** Waits (an attempt's slot of the account's budget); resolves at once for 0. */
export const pause = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

export interface AdmitOptions {
  now?: Date;
  /** how an admitted attempt waits for its slot; tests pass a spy */
  wait?: (ms: number) => Promise<void>;
}

/** An attempt let through: counted already; `succeeded` gives it back once the secret proved right. */
export interface Admitted {
  ok: true;
  /** how long it waited for its slot of the account's budget */
  waitedMs: number;
  succeeded(): Promise<void>;
}
export type Admission = Admitted | { ok: false; retryAfter: number };

/**
 * Admits or refuses one attempt (docs/rules.md "Throttling"). The attempt is counted before the
 * caller verifies anything, in the one statement that decides, so no number of concurrent
 * attempts gets more than the limit verified. An admitted attempt on an account under attack
 * waits for its own slot of the account's shared budget (each attempt moves the next slot on).
 * A refusal carries the seconds until this client may try again and counts nothing.
 */
export async function admitAttempt(db: Db, scope: ThrottleScope, who: Attempt, options: AdmitOptions = {}): Promise<Admission> {
  const now = options.now ?? new Date();
  const keys = throttleKeys(scope, who);
  const { pair, client, account } = scope;
  const rows = await db.$queryRaw<{ retry_after_ms: number; wait_ms: number }[]>`
    SELECT "retry_after_ms", "wait_ms" FROM "throttle_admit"(
      ${keys.pair}, ${keys.client}, ${keys.account}, ${now}::timestamp(3),
      ${pair.limit}::int, ${pair.windowMs}::int, ${pair.blockMs}::int,
      ${client.limit}::int, ${client.windowMs}::int, ${client.blockMs}::int,
      ${account.after}::int, ${account.windowMs}::int, ${account.maxDelayMs}::int, ${MAX_SLOT_WAIT_MS}::int)`;
  // Now and then, the counters nobody needs any more go (1 attempt in SWEEP_EVERY).
  if (Math.random() * SWEEP_EVERY < 1) await sweepThrottle(db, now);
  const retryAfterMs = rows[0]?.retry_after_ms ?? 0;
  if (retryAfterMs > 0) return { ok: false, retryAfter: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
  const waitedMs = rows[0]?.wait_ms ?? 0;
  await (options.wait ?? pause)(waitedMs);
  return {
    ok: true,
    waitedMs,
    succeeded: async () => {
      await db.$executeRaw`SELECT "throttle_settle"(${keys.pair}, ${keys.client}, ${keys.account}, ${client.limit}::int)`;
    },
  };
}
