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
 * The region is read from the instance in the same statement.
 */
export async function writeAudit(db: Sql, e: AuditEntry): Promise<void> {
  const errorCode = e.errorCode ?? null;
  await db.$executeRaw`
    INSERT INTO "audit_log" ("username", "role", "action", "region_id", "instance_id", "group_id", "result", "error_code", "client_ip")
    VALUES (${e.username}, ${e.role ?? null}, ${e.action},
            (SELECT "region_id" FROM "instance" WHERE "id" = ${e.instanceId ?? null}),
            ${e.instanceId ?? null}, ${e.groupId ?? null},
            ${errorCode ? "refused" : "ok"}::"AuditResult", ${errorCode}, ${e.clientIp ?? null})`;
}
