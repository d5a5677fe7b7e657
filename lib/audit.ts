import type { Db } from "./db/connect";

export const AUDIT_ACTIONS = [
  "signIn",
  "createConsumerGroup",
  "changeConsumerGroupPassword",
  "resetConsumerGroupPassword",
  "deleteConsumerGroup",
  "readAuditLog",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  username: string;
  role?: string | null;
  action: AuditAction;
  instanceId?: string | null;
  groupId?: string | null;
  /** null when the action succeeded, else the error code */
  errorCode?: string | null;
  clientIp?: string | null;
}

/** Anything that runs SQL: the client or a transaction of it. */
type Sql = Pick<Db, "$executeRaw">;

/**
 * Appends one audit record. Pass the transaction of the change so both commit or neither does.
 * The region (and, for a group, the instance) is read in the same statement.
 */
export async function writeAudit(db: Sql, e: AuditEntry): Promise<void> {
  const errorCode = e.errorCode ?? null;
  // A refusal may name only the group: its instance (and the instance's region) is looked up.
  await db.$executeRaw`
    WITH target AS (
      SELECT COALESCE(${e.instanceId ?? null}::text, (SELECT "instance_id" FROM "consumer_group" WHERE "id" = ${e.groupId ?? null}::text)) AS instance_id
    )
    INSERT INTO "audit_log" ("username", "role", "action", "region_id", "instance_id", "group_id", "result", "error_code", "client_ip")
    SELECT ${e.username}, ${e.role ?? null}, ${e.action},
           (SELECT "region_id" FROM "instance" WHERE "id" = target.instance_id),
           target.instance_id, ${e.groupId ?? null},
           ${errorCode ? "refused" : "ok"}::"AuditResult", ${errorCode}, ${e.clientIp ?? null}
      FROM target`;
}
