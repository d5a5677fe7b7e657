import "server-only";
import type { SessionUser } from "../auth/session";
import { getDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { DTS_ID_PATTERN } from "../validation/consumer-group";
import { assertReader } from "./guard";

/**
 * Reads the OpenAPI needs beyond the console's pages (DescribeSubscriptionInstances,
 * DescribeSubscriptionInstanceStatus, and where a consumer group lives). Like every read, they take
 * the signed-in (or AccessKey-authenticated) user first.
 */

const SUBSCRIPTION_INSTANCE = {
  id: true,
  name: true,
  regionId: true,
  status: true,
  sourceType: true,
  sourceInstanceId: true,
  trackedObjects: true,
  trackDml: true,
  trackDdl: true,
  billingMethod: true,
  dataBeginAt: true,
  dataEndAt: true,
  checkpointAt: true,
  topic: true,
  vpcEndpoint: true,
  privateEndpoint: true,
  publicEndpoint: true,
  createdAt: true,
} satisfies Prisma.InstanceSelect;

export type SubscriptionInstance = Prisma.InstanceGetPayload<{ select: typeof SUBSCRIPTION_INSTANCE }>;

export interface SubscriptionInstanceFilter {
  /** contained in the name, case-insensitive */
  name?: string;
  /** exactly this id */
  id?: string;
  page: number;
  pageSize: number;
}

/** One page of a region's change tracking instances, newest first; a page past the end is empty. */
export async function listSubscriptionInstances(user: SessionUser, regionId: string, filter: SubscriptionInstanceFilter) {
  assertReader(user);
  const db = await getDb();
  const where: Prisma.InstanceWhereInput = {
    regionId,
    ...(filter.name ? { name: { contains: filter.name, mode: "insensitive" } } : {}),
    ...(filter.id ? { id: filter.id } : {}),
  };
  const [total, rows] = await Promise.all([
    db.instance.count({ where }),
    db.instance.findMany({
      where,
      select: SUBSCRIPTION_INSTANCE,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    }),
  ]);
  return { total, rows };
}

/** One instance with what DescribeSubscriptionInstanceStatus returns, or null. */
export async function getSubscriptionInstance(
  user: SessionUser,
  id: string,
): Promise<(SubscriptionInstance & { consumptionClient: string | null }) | null> {
  assertReader(user);
  if (!DTS_ID_PATTERN.test(id)) return null;
  const db = await getDb();
  const instance = await db.instance.findUnique({ where: { id }, select: SUBSCRIPTION_INSTANCE });
  if (!instance) return null;
  // DTS names the consumer as address and client id; here the newest live lease of its groups.
  const lease = await db.consumerLease.findFirst({
    where: { group: { instanceId: id }, expiresAt: { gt: new Date() } },
    orderBy: { connectedAt: "desc" },
    select: { clientIp: true, groupId: true },
  });
  return { ...instance, consumptionClient: lease ? `${lease.clientIp ?? "unknown"}:${lease.groupId}` : null };
}

/** Where a consumer group lives (its instance and region), its account and name; null when there is no such group. */
export async function getConsumerGroupPlacement(user: SessionUser, groupId: string) {
  assertReader(user);
  if (!DTS_ID_PATTERN.test(groupId)) return null;
  const db = await getDb();
  const group = await db.consumerGroup.findUnique({
    where: { id: groupId },
    select: { id: true, instanceId: true, name: true, account: true, instance: { select: { regionId: true } } },
  });
  return group
    ? { id: group.id, instanceId: group.instanceId, regionId: group.instance.regionId, name: group.name, account: group.account }
    : null;
}

/** The region of an instance, or null when there is no such instance. */
export async function getInstanceRegion(user: SessionUser, instanceId: string): Promise<string | null> {
  assertReader(user);
  if (!DTS_ID_PATTERN.test(instanceId)) return null;
  const db = await getDb();
  return (await db.instance.findUnique({ where: { id: instanceId }, select: { regionId: true } }))?.regionId ?? null;
}
