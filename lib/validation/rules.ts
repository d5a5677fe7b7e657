// The consumer group rules' figures and the helpers the browser needs, without zod: client
// components import this file, and zod (about 90 KB gzipped) loads only with a form that
// validates (README "Benchmark"). lib/validation/consumer-group.ts re-exports all of it.
import { InstanceStatus } from "../generated/prisma/enums";

/** The rules of a consumer group (docs/rules.md "Consumer groups"), each written once here. */
export const CONSUMER_GROUP_QUOTA = 20;
export const NAME_MAX = 128;
export const ACCOUNT_MAX = 16;
export const ACCOUNT_PATTERN = /^[A-Za-z0-9_]{1,16}$/;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 32;
/** The most seconds of message delay stored (the column is a 32-bit integer: about 68 years). */
export const MAX_DELAY_SECONDS = 2_147_483_647;
/** Ids of instances and consumer groups: `dts` and 6 to 29 lowercase letters or digits. */
export const DTS_ID_PATTERN = /^dts[a-z0-9]{6,29}$/;

const PASSWORD_CLASSES = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];

/** How many of the four DTS character classes a password uses. */
export function countPasswordClasses(password: string): number {
  return PASSWORD_CLASSES.filter((re) => re.test(password)).length;
}

const GENERATE_SETS = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!#%+-=@^_~"];

/**
 * A strong password that passes the DTS rule: 20 characters with all four classes, from
 * `crypto.getRandomValues` (browser and Node alike).
 */
export function generatePassword(length = 20): string {
  const pick = (set: string) => set[crypto.getRandomValues(new Uint32Array(1))[0] % set.length];
  const all = GENERATE_SETS.join("");
  const chars = [...GENERATE_SETS.map(pick), ...Array.from({ length: length - GENERATE_SETS.length }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.getRandomValues(new Uint32Array(1))[0] % (i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}

/** Where a checkpoint reset moves a group: the data range's earliest or latest point, or a time within it. */
export const CHECKPOINT_TARGETS = ["earliest", "latest", "time"] as const;

/** The task list's page sizes and orders. */
export const PAGE_SIZES = [10, 20, 50] as const;
export const TASK_SORTS = ["created_desc", "created_asc"] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

/** Every DTS status, in the order the status filter lists them. */
export const INSTANCE_STATUSES = Object.values(InstanceStatus);

/**
 * The rules of AccessKeys (docs/rules.md "AccessKeys"), each written once here; the migration
 * `20261128300000_openapi` repeats them in CHECKs and test/validation/rule-constants.test.ts compares the two.
 */
export const ACCESS_KEY_QUOTA = 2;
/** `LTAI` and 20 letters or digits, the shape of an Alibaba Cloud AccessKey ID. */
export const ACCESS_KEY_ID_PATTERN = /^LTAI[A-Za-z0-9]{20}$/;

/**
 * The browser's time zone, written by the browser for a user who has not chosen one (docs/rules.md
 * "Preferences"), so that the server renders times in it too. The server checks it as it checks a
 * chosen zone; a value it does not know is UTC.
 */
export const BROWSER_ZONE_COOKIE = "dts_tz";

/**
 * Lag health (docs/rules.md "Lag health"): a connected group with a backlog whose checkpoint has not
 * moved for this long is Stalled; the trend and time to catch up read this much recent history.
 */
export const STALLED_AFTER_SECONDS = 300;
export const LAG_TREND_WINDOW_MS = 5 * 60 * 1000;
