import "server-only";
import type { SessionUser } from "../auth/session";
import { getDb } from "../db";
import { assertReader } from "./guard";
import type { InstanceStatus } from "../generated/prisma/enums";
import { CONSUMER_GROUP_QUOTA, DTS_ID_PATTERN } from "../validation/consumer-group";
import { STALLED_SQL, leaseLive } from "./lag-sql";

/** A consumer group as the Data Consume table shows it (JSON-safe: dates as ISO strings). */
export interface ConsumerGroupRow {
  id: string;
  name: string;
  account: string;
  checkpointAt: string | null;
  /** a consumer holds a live lease on the group */
  connected: boolean;
  /** connected, with a backlog, and the checkpoint still for STALLED_AFTER_SECONDS (docs/rules.md "Lag health") */
  stalled: boolean;
  /** null while no consumer is connected (DTS shows -1) */
  messageDelaySeconds: number | null;
  /** null while no consumer is connected (DTS shows -1) */
  unconsumedRecords: number | null;
  createdAt: string;
  /** the live consumer's address, as the credential check saw it; null while none is connected */
  clientIp: string | null;
  /** when the live consumer connected (ISO); null while none is connected */
  connectedAt: string | null;
  /** when the live lease ends unless a heartbeat renews it (ISO); null while none is connected */
  leaseExpiresAt: string | null;
  /** the group's own alert rule (docs/rules.md "Alert delivery"), null while none was set */
  alertRule: GroupAlertRuleView | null;
}

export interface GroupAlertRuleView {
  enabled: boolean;
  delayOverSeconds: number | null;
  delayForMinutes: number;
  stalled: boolean;
  disconnectedMinutes: number | null;
}

export interface ConsumerGroupList {
  instanceId: string;
  instanceStatus: InstanceStatus;
  /** the data the instance holds, where a checkpoint reset may move a group */
  dataRange: { begin: string | null; end: string | null };
  quota: number;
  /** the instance's latency alert threshold in seconds while that alert is on (docs/rules.md "Alerts"), else null */
  delayAlertSeconds: number | null;
  groups: ConsumerGroupRow[];
}

interface GroupRow {
  instanceStatus: InstanceStatus;
  dataBeginAt: Date | null;
  dataEndAt: Date | null;
  delayAlertSeconds: number | null;
  id: string | null;
  name: string;
  account: string;
  checkpointAt: Date | null;
  messageDelaySeconds: number | null;
  unconsumedRecords: number | null;
  createdAt: Date;
  leaseExpiresAt: Date | null;
  leaseConnectedAt: Date | null;
  leaseClientIp: string | null;
  stalled: boolean;
  ruleEnabled: boolean | null;
  ruleDelayOver: number | null;
  ruleDelayFor: number | null;
  ruleStalled: boolean | null;
  ruleDisconnected: number | null;
}

/**
 * The instance's consumer groups, newest first, or null when the instance does not exist. One
 * statement (the instance, its alert threshold, its groups and their leases): the table polls it every few seconds.
 */
export async function listConsumerGroups(user: SessionUser, instanceId: string): Promise<ConsumerGroupList | null> {
  assertReader(user);
  if (!DTS_ID_PATTERN.test(instanceId)) return null;
  const db = await getDb();
  const rows = await db.$queryRaw<GroupRow[]>`
    SELECT i."status"::text AS "instanceStatus", i."data_begin_at" AS "dataBeginAt", i."data_end_at" AS "dataEndAt",
           CASE WHEN a."delay_alert" THEN a."delay_over_seconds" END AS "delayAlertSeconds",
           g."id", g."name", g."username" AS "account", g."checkpoint_at" AS "checkpointAt",
           g."message_delay_seconds" AS "messageDelaySeconds", g."unconsumed_records" AS "unconsumedRecords",
           g."created_at" AS "createdAt",
           l."expires_at" AS "leaseExpiresAt", l."connected_at" AS "leaseConnectedAt", l."client_ip" AS "leaseClientIp",
           ${STALLED_SQL} AS "stalled",
           r."enabled" AS "ruleEnabled", r."delay_over_seconds" AS "ruleDelayOver", r."delay_for_minutes" AS "ruleDelayFor",
           r."stalled" AS "ruleStalled", r."disconnected_minutes" AS "ruleDisconnected"
      FROM "instance" i
      LEFT JOIN "instance_alert" a ON a."instance_id" = i."id"
      LEFT JOIN "consumer_group" g ON g."instance_id" = i."id"
      LEFT JOIN "consumer_lease" l ON l."group_id" = g."id"
      LEFT JOIN "group_alert_rule" r ON r."group_id" = g."id"
     WHERE i."id" = ${instanceId}
     ORDER BY g."created_at" DESC, g."id" ASC`;
  const instance = rows.at(0);
  if (!instance) return null;
  const now = Date.now();
  return {
    instanceId,
    instanceStatus: instance.instanceStatus,
    dataRange: { begin: instance.dataBeginAt?.toISOString() ?? null, end: instance.dataEndAt?.toISOString() ?? null },
    quota: CONSUMER_GROUP_QUOTA,
    delayAlertSeconds: instance.delayAlertSeconds,
    groups: rows.flatMap((g) => {
      if (g.id === null) return [];
      const connected = leaseLive(g.leaseExpiresAt, now);
      return [
        {
          id: g.id,
          name: g.name,
          account: g.account,
          checkpointAt: g.checkpointAt?.toISOString() ?? null,
          connected,
          stalled: connected && g.stalled,
          messageDelaySeconds: connected ? g.messageDelaySeconds : null,
          unconsumedRecords: connected ? g.unconsumedRecords : null,
          createdAt: g.createdAt.toISOString(),
          clientIp: connected ? g.leaseClientIp : null,
          connectedAt: connected ? (g.leaseConnectedAt?.toISOString() ?? null) : null,
          leaseExpiresAt: connected ? (g.leaseExpiresAt?.toISOString() ?? null) : null,
          alertRule:
            g.ruleEnabled === null
              ? null
              : {
                  enabled: g.ruleEnabled,
                  delayOverSeconds: g.ruleDelayOver,
                  delayForMinutes: g.ruleDelayFor ?? 0,
                  stalled: g.ruleStalled ?? false,
                  disconnectedMinutes: g.ruleDisconnected,
                },
        },
      ];
    }),
  };
}
