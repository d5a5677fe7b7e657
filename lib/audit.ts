import type { Db } from "./db/connect";
import { cleanText } from "./validation/text";

export const AUDIT_ACTIONS = [
  "signIn",
  "signOut",
  "createConsumerGroup",
  "changeConsumerGroupPassword",
  "resetConsumerGroupPassword",
  "resetConsumerGroupCheckpoint",
  "deleteConsumerGroup",
  "readAuditLog",
  "exportAuditLog",
  "changeTimeZone",
  "changeLanguage",
  "connectConsumer",
  "heartbeatConsumer",
  "disconnectConsumer",
  "createAccessKey",
  "disableAccessKey",
  "enableAccessKey",
  "deleteAccessKey",
  // Refusals of OpenAPI requests that never reached an operation (signature, AccessKey, nonce).
  "openApiRequest",
  "configureInstanceAlert",
  "alertFired",
  "alertResolved",
  "createNotificationChannel",
  "deleteNotificationChannel",
  "testNotificationChannel",
  "configureGroupAlertRule",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
// The Audit Log names each action in words from the catalogue family `audit.actions.<action>`
// (i18n/families.ts): a new action here without its words fails test/i18n/i18n-catalogues.test.ts.

export interface AuditEntry {
  username: string;
  role?: string | null;
  action: AuditAction;
  instanceId?: string | null;
  groupId?: string | null;
  /** null when the action succeeded, else the error code */
  errorCode?: string | null;
  clientIp?: string | null;
  /** "console" (the pages' actions) or "api" (the OpenAPI); null for records that are neither */
  channel?: AuditChannel | null;
  /**
   * the AccessKey an API call was signed with (or claimed, for a refusal), or the one an AccessKey
   * action changed; kept only when it has the shape of an id
   */
  accessKeyId?: string | null;
}

export type AuditChannel = "console" | "api";

/** Anything that runs SQL: the client or a transaction of it. */
type Sql = Pick<Db, "$executeRaw">;

const orNull = (value: string | null | undefined, max: number) => (value ? cleanText(value, max) : null);

/**
 * Appends one audit record. Pass the transaction of the change so both commit or neither does
 * (a change whose record cannot be written is rolled back with it). Every text field comes from
 * a request at some point, so control and bidi characters are escaped and lengths capped first:
 * nothing a client sends can make the insert fail.
 */
export async function writeAudit(db: Sql, e: AuditEntry): Promise<void> {
  const errorCode = orNull(e.errorCode, 64);
  const username = cleanText(e.username || "anonymous", 128);
  const instanceId = orNull(e.instanceId, 64);
  const groupId = orNull(e.groupId, 64);
  const accessKeyId = e.accessKeyId && /^[A-Za-z0-9]{1,64}$/.test(e.accessKeyId) ? e.accessKeyId : null;
  // A refusal may name only the group: its instance (and the instance's region) is looked up.
  await db.$executeRaw`
    WITH target AS (
      SELECT COALESCE(${instanceId}::text, (SELECT "instance_id" FROM "consumer_group" WHERE "id" = ${groupId}::text)) AS instance_id
    )
    INSERT INTO "audit_log" ("username", "role", "action", "region_id", "instance_id", "group_id", "result", "error_code", "client_ip", "channel", "access_key_id")
    SELECT ${username}, ${orNull(e.role, 16)}, ${e.action},
           (SELECT "region_id" FROM "instance" WHERE "id" = target.instance_id),
           target.instance_id, ${groupId},
           ${errorCode ? "refused" : "ok"}::"AuditResult", ${errorCode}, ${orNull(e.clientIp, 64)},
           ${e.channel ?? null}, ${accessKeyId}
      FROM target`;
}

/** Refusals of requests nobody signed in for, recorded per client address and minute before the rest are dropped. */
/**
 * The names written for records of no console user: a refusal before sign-in ("anonymous") and a
 * consumer's own disconnect ("consumer"). The audit log words them in the reader's language.
 */
export const AUDIT_ACTORS = ["anonymous", "consumer", "system"] as const;

export const ANONYMOUS_AUDIT_LIMIT = 30;

/**
 * Records a refusal of an unauthenticated request unless this client address already had
 * {@link ANONYMOUS_AUDIT_LIMIT} recorded in the current minute: anyone may send requests, and
 * nobody may flood the log with them. Returns whether it was written.
 */
export async function writeAnonymousRefusal(db: Db, e: AuditEntry, now = new Date()): Promise<boolean> {
  const minute = Math.floor(now.getTime() / 60_000);
  const key = `audit:anon:${minute}|${e.clientIp ? Buffer.from(e.clientIp).toString("base64url").slice(0, 60) : "unknown"}`;
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "auth_failure" ("key", "failures", "window_start") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET "failures" = "auth_failure"."failures" + 1
    RETURNING "failures"`;
  const count = rows[0]?.failures ?? 0;
  // The first refusal of a minute sweeps the counters of minutes gone by.
  if (count === 1)
    await db.$executeRaw`DELETE FROM "auth_failure" WHERE "key" LIKE 'audit:anon:%' AND "window_start" < ${new Date(now.getTime() - 120_000)}`;
  if (count > ANONYMOUS_AUDIT_LIMIT) {
    // Said once per client and minute, not once per dropped record.
    if (count === ANONYMOUS_AUDIT_LIMIT + 1)
      console.warn(
        `[audit] ${cleanText(e.clientIp ?? "unknown", 64)}: ${ANONYMOUS_AUDIT_LIMIT} refusals recorded this minute; the rest of the minute's are not`,
      );
    return false;
  }
  await writeAudit(db, e);
  return true;
}
