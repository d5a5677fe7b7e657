import "server-only";
import type { SessionUser } from "../auth/session";
import { getDb } from "../db";
import { assertReader } from "./guard";
import type { InstanceStatus } from "../generated/prisma/enums";
import { CONSUMER_GROUP_QUOTA, DTS_ID_PATTERN } from "../validation/consumer-group";

/** A consumer group as the Data Consume table shows it (JSON-safe: dates as ISO strings). */
export interface ConsumerGroupRow {
  id: string;
  name: string;
  account: string;
  checkpointAt: string | null;
  /** a consumer holds a live lease on the group */
  connected: boolean;
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
}

export interface ConsumerGroupList {
  instanceId: string;
  instanceStatus: InstanceStatus;
  /** the data the instance holds, where a checkpoint reset may move a group */
  dataRange: { begin: string | null; end: string | null };
  quota: number;
  groups: ConsumerGroupRow[];
}

/** The instance's consumer groups, newest first, or null when the instance does not exist. */
export async function listConsumerGroups(user: SessionUser, instanceId: string): Promise<ConsumerGroupList | null> {
  assertReader(user);
  if (!DTS_ID_PATTERN.test(instanceId)) return null;
  const db = await getDb();
  const instance = await db.instance.findUnique({
    where: { id: instanceId },
    select: {
      id: true,
      status: true,
      dataBeginAt: true,
      dataEndAt: true,
      consumerGroups: {
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          username: true,
          checkpointAt: true,
          messageDelaySeconds: true,
          unconsumedRecords: true,
          createdAt: true,
          lease: { select: { expiresAt: true, connectedAt: true, clientIp: true } },
        },
      },
    },
  });
  if (!instance) return null;
  const now = Date.now();
  return {
    instanceId: instance.id,
    instanceStatus: instance.status,
    dataRange: { begin: instance.dataBeginAt?.toISOString() ?? null, end: instance.dataEndAt?.toISOString() ?? null },
    quota: CONSUMER_GROUP_QUOTA,
    groups: instance.consumerGroups.map((g) => {
      const connected = !!g.lease && g.lease.expiresAt.getTime() > now;
      return {
        id: g.id,
        name: g.name,
        account: g.username,
        checkpointAt: g.checkpointAt?.toISOString() ?? null,
        connected,
        messageDelaySeconds: connected ? g.messageDelaySeconds : null,
        unconsumedRecords: connected ? g.unconsumedRecords : null,
        createdAt: g.createdAt.toISOString(),
        clientIp: connected ? (g.lease?.clientIp ?? null) : null,
        connectedAt: connected ? (g.lease?.connectedAt.toISOString() ?? null) : null,
        leaseExpiresAt: connected ? (g.lease?.expiresAt.toISOString() ?? null) : null,
      };
    }),
  };
}
