// Test-only seed helpers: each test creates the instances and consumer groups it needs through its
// own Prisma client on the server's database, so no test depends on another's writes or on the
// demo seed's counts. Rows go in as the app's would (groups one by one through the quota trigger,
// passwords hashed with the app's argon2id).
import { dtsEndpoint } from "../lib/consumer/connect-guide";
import { hashPassword } from "../lib/auth/password";
import type { Db } from "../lib/db/connect";
import type { InstanceStatus } from "../lib/generated/prisma/enums";
import { newDtsId } from "../lib/ids";

/**
 * The region the tests' own instances live in. No spec counts its tasks, so parallel tests may add
 * to it; the demo's regions (Hangzhou, Frankfurt, Qingdao…) keep the seeded counts the task list
 * tests read.
 */
export const TEST_REGION = { id: "cn-chengdu", name: "China (Chengdu)" } as const;

/** The password of every group a test creates unless it names one. */
export const GROUP_PASSWORD = "Group#Pass1";

export interface SeededGroup {
  id: string;
  name: string;
  account: string;
  password: string;
  /** The SASL user a consumer signs in with: `<account>-<groupId>`. */
  user: string;
}

export interface SeededInstance {
  id: string;
  name: string;
  regionId: string;
  status: InstanceStatus;
  groups: SeededGroup[];
}

export type GroupSpec = Partial<Omit<SeededGroup, "id" | "user">>;

export interface InstanceSpec {
  /** Set after the groups are in: groups can only be created while an instance is Normal. */
  status?: InstanceStatus;
  /** How many groups to create, or the groups themselves. */
  groups?: number | GroupSpec[];
  regionId?: string;
  name?: string;
}

const hashes = new Map<string, Promise<string>>();
/** One argon2id hash per password and worker: 20 groups would otherwise take a second. */
function hashOf(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function planGroup(unique: (prefix: string) => string, g: GroupSpec, i: number): SeededGroup {
  const id = newDtsId();
  const account = g.account ?? `reader_${i + 1}`;
  return { id, name: g.name ?? unique(`group${i + 1}`), account, password: g.password ?? GROUP_PASSWORD, user: `${account}-${id}` };
}

async function insertGroup(db: Db | Tx, instanceId: string, g: SeededGroup, createdAt = new Date()) {
  await db.consumerGroup.create({
    data: { id: g.id, instanceId, name: g.name, account: g.account, passwordHash: await hashOf(g.password), createdAt },
  });
}

/** Adds one group to an existing instance, as another browser or an API client would. */
export async function createGroup(
  db: Db,
  unique: (prefix: string) => string,
  instanceId: string,
  spec: GroupSpec = {},
): Promise<SeededGroup> {
  const group = planGroup(unique, spec, 0);
  await insertGroup(db, instanceId, group);
  return group;
}

/** Creates a change tracking instance with its groups (newest last) and returns what the UI shows. */
export async function createInstance(db: Db, unique: (prefix: string) => string, spec: InstanceSpec = {}): Promise<SeededInstance> {
  const id = newDtsId();
  const name = spec.name ?? unique("e2e-task");
  const regionId = spec.regionId ?? TEST_REGION.id;
  const status = spec.status ?? "Normal";
  const planned = typeof spec.groups === "number" ? Array.from({ length: spec.groups }, () => ({})) : (spec.groups ?? []);
  const groups = planned.map((g, i) => planGroup(unique, g, i));
  const now = Date.now();
  await db.$transaction(async (tx) => {
    await tx.instance.create({
      data: {
        id,
        name,
        regionId,
        status: "Normal",
        sourceType: "RDS MySQL",
        sourceInstanceId: `rm-e2e${id.slice(3)}`,
        trackedObjects: [{ database: "e2e", tables: ["orders"] }],
        trackDml: true,
        trackDdl: false,
        billingMethod: "PayAsYouGo",
        dataBeginAt: new Date(now - 3_600_000),
        dataEndAt: new Date(now),
        checkpointAt: new Date(now),
        topic: `${regionId.replace(/-/g, "_")}_e2e_${id}_version2`,
        vpcEndpoint: dtsEndpoint(regionId, "vpc"),
        privateEndpoint: dtsEndpoint(regionId, "private"),
        publicEndpoint: dtsEndpoint(regionId, "public"),
        createdAt: new Date(now - 2 * 3_600_000),
      },
    });
    // One by one, so the quota trigger counts each as it would for the app.
    for (const [i, g] of groups.entries()) await insertGroup(tx, id, g, new Date(now - (groups.length - i) * 1000));
    if (status !== "Normal") await tx.instance.update({ where: { id }, data: { status } });
  });
  return { id, name, regionId, status, groups };
}

/** Removes instances a test created; their groups and leases go with them (ON DELETE CASCADE). */
export async function deleteInstances(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.instance.deleteMany({ where: { id: { in: ids } } });
}

/** One heartbeat sample to put in a group's history: how long ago, and what it reported. */
export interface HistoryPoint {
  secondsAgo: number;
  delay: number;
  unconsumed: number;
}

/**
 * Writes heartbeat history for a group as the heartbeats would have (one sample per 10-second
 * slot, `at` the slot's start), so a test can see the trend charts without waiting an hour.
 */
export async function addHistory(db: Db, groupId: string, points: HistoryPoint[], now = Date.now()): Promise<void> {
  const slots = new Map<number, HistoryPoint>();
  for (const p of points) slots.set(Math.floor((now - p.secondsAgo * 1000) / 10_000) * 10_000, p);
  await db.heartbeatSample.createMany({
    data: [...slots].map(([at, p]) => ({
      groupId,
      at: new Date(at),
      checkpointAt: new Date(at - p.delay * 1000),
      messageDelaySeconds: p.delay,
      unconsumedRecords: p.unconsumed,
    })),
  });
}

/**
 * Gives a group a live consumer as a lease row would (connected `connectedAgoMs` ago, alive for 10
 * more minutes) and the progress it reported: for pages that read lag without a running consumer.
 */
export async function addLiveConsumer(
  db: Db,
  groupId: string,
  progress: { delay: number; unconsumed: number; checkpointAt?: Date },
  connectedAgoMs = 0,
): Promise<void> {
  const now = Date.now();
  await db.consumerLease.create({
    data: {
      groupId,
      clientId: `e2e-${groupId}`,
      connectedAt: new Date(now - connectedAgoMs),
      heartbeatAt: new Date(now),
      expiresAt: new Date(now + 600_000),
    },
  });
  await db.consumerGroup.update({
    where: { id: groupId },
    data: {
      messageDelaySeconds: progress.delay,
      unconsumedRecords: progress.unconsumed,
      ...(progress.checkpointAt ? { checkpointAt: progress.checkpointAt } : {}),
    },
  });
}
