import { randomUUID } from "node:crypto";
import { dtsEndpoint } from "../consumer/connect-guide";
import type { Db } from "./connect";
import type { InstanceStatus } from "../generated/prisma/client";
import { hashPassword, verifyPassword } from "../auth/password";
import { newDtsId } from "../ids";
import { AccessKeyCryptoUnavailable, decryptSecret, encryptSecret, getSecretKey } from "../auth/access-key-crypto";
import {
  DEFAULT_DEMO_ACCESS_KEY_SECRET,
  DEFAULT_DEMO_PASSWORD,
  DEMO_ACCESS_KEYS,
  DEMO_USERS,
  SEED_GROUP_PASSWORD,
  SEED_IDS,
} from "../demo";
import { describeForLog } from "./errors";
import { SOURCES, REGION_CODES, REGION_TASKS, DATABASES, TABLES, TASK_NAMES, STATUS_CYCLE, GROUP_NAMES } from "./seed-data";

export { DEFAULT_DEMO_ACCESS_KEY_SECRET, DEFAULT_DEMO_PASSWORD, DEMO_ACCESS_KEYS, DEMO_USERS, SEED_GROUP_PASSWORD, SEED_IDS };

/** A small deterministic generator (mulberry32) so every fresh start shows the same console. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface PlannedGroup {
  id: string;
  name: string;
  account: string;
  connected: boolean;
}

interface PlannedInstance {
  id: string;
  name: string;
  regionId: string;
  status: InstanceStatus;
  groups: number;
}

function planInstances(random: ReturnType<typeof prng>): PlannedInstance[] {
  const plan: PlannedInstance[] = [
    { id: SEED_IDS.normal, name: "dtstest", regionId: "cn-hangzhou", status: "Normal", groups: 3 },
    { id: SEED_IDS.nineteen, name: "order-events-hub", regionId: "cn-hangzhou", status: "Normal", groups: 19 },
    { id: SEED_IDS.full, name: "payment-ledger-subscribe", regionId: "cn-hangzhou", status: "Normal", groups: 20 },
    { id: SEED_IDS.abnormal, name: "inventory-sync-legacy", regionId: "cn-hangzhou", status: "Abnormal", groups: 2 },
    { id: SEED_IDS.empty, name: "user-profile-cdc", regionId: "cn-hangzhou", status: "Normal", groups: 0 },
  ];
  let n = 0;
  for (const [regionId, count] of REGION_TASKS) {
    for (let i = 0; i < count; i++, n++) {
      const status = STATUS_CYCLE[n % STATUS_CYCLE.length];
      const base = TASK_NAMES[n % TASK_NAMES.length];
      plan.push({
        id: newDtsId(random.int),
        name: `${base}-${regionId.split("-").pop()}-${String(i + 1).padStart(2, "0")}`,
        regionId,
        status,
        groups: status === "Normal" ? random.int(6) : status === "Abnormal" ? random.int(3) : 0,
      });
    }
  }
  return plan;
}

/** Creates the demo users that are missing, and re-hashes them when DEMO_PASSWORD has changed. */
export async function ensureDemoUsers(prisma: Db, password = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD) {
  for (const { username, role } of DEMO_USERS) {
    const existing = await prisma.user.findUnique({ where: { username }, omit: { passwordHash: false } });
    if (existing && (await verifyPassword(existing.passwordHash, password))) continue;
    const passwordHash = await hashPassword(password);
    await prisma.user.upsert({
      where: { username },
      create: { id: randomUUID(), username, role, passwordHash },
      update: { passwordHash },
    });
  }
}

/**
 * Gives each demo user its demo AccessKey (README), with the secret in DEMO_ACCESS_KEY_SECRET:
 * a missing one is created, one whose stored secret differs is re-encrypted with the current one
 * (so a changed secret applies at start, like DEMO_PASSWORD); its status is left as it is. Without
 * an encryption key (PostgreSQL and no DTS_SECRET_KEY) there are no AccessKeys, so none are made.
 */
export async function ensureDemoAccessKeys(prisma: Db, secret = process.env.DEMO_ACCESS_KEY_SECRET || DEFAULT_DEMO_ACCESS_KEY_SECRET) {
  if (!/^[\x21-\x7e]{8,128}$/.test(secret)) {
    console.warn("[seed] demo AccessKeys skipped: DEMO_ACCESS_KEY_SECRET must be 8 to 128 printable ASCII characters without spaces.");
    return;
  }
  let key: Buffer;
  try {
    key = getSecretKey();
  } catch (error) {
    if (!(error instanceof AccessKeyCryptoUnavailable)) throw error;
    console.warn(`[seed] demo AccessKeys skipped: ${error.message}`);
    return;
  }
  for (const { username } of DEMO_USERS) {
    const id = DEMO_ACCESS_KEYS[username as keyof typeof DEMO_ACCESS_KEYS];
    const user = await prisma.user.findUnique({ where: { username }, select: { id: true } });
    if (!user) continue;
    const existing = await prisma.accessKey.findUnique({ where: { id }, select: { userId: true, secretCiphertext: true } });
    if (existing) {
      let current: string | null = null;
      try {
        current = decryptSecret(existing.secretCiphertext, id, key);
      } catch {
        // Encrypted under another key: re-encrypt below.
      }
      if (current === secret) continue;
      await prisma.accessKey.update({ where: { id }, data: { secretCiphertext: encryptSecret(secret, id, key) } });
      continue;
    }
    try {
      await prisma.accessKey.create({ data: { id, userId: user.id, secretCiphertext: encryptSecret(secret, id, key) } });
    } catch (error) {
      // The user already holds two other AccessKeys: theirs win over the demo's.
      console.warn(`[seed] demo AccessKey ${id} for ${username} not created: ${describeForLog(error)}`);
    }
  }
}

/**
 * Seeds the demo console. Idempotent: an instance that exists already is left alone with its
 * groups, so running it again adds only what is missing and never breaks the quota.
 */
export async function seedDatabase(prisma: Db, now = new Date()) {
  await ensureDemoUsers(prisma);
  await ensureDemoAccessKeys(prisma);
  const random = prng(20261126);
  const plan = planInstances(random);
  const existing = new Set((await prisma.instance.findMany({ select: { id: true } })).map((i) => i.id));
  const groupHash = await hashPassword(SEED_GROUP_PASSWORD);
  let created = 0;
  for (const [index, p] of plan.entries()) {
    const source = index === 0 ? SOURCES[0] : random.pick(SOURCES);
    const code = REGION_CODES[p.regionId] ?? "xx1";
    const suffix = Array.from({ length: 10 }, () => "abcdefghijklmnopqrstuvwxyz0123456789"[random.int(36)]).join("");
    const sourceInstanceId = index === 0 ? "rm-bp1162kryivb8" : `${source.prefix}-${code}${suffix}`;
    const database = index === 0 ? "dtstest" : random.pick(DATABASES);
    const createdAt = new Date(now.getTime() - (index + 1) * 37 * HOUR - random.int(HOUR));
    const hasData = !["NotStarted", "Prechecking", "PrecheckFailed"].includes(p.status);
    const dataEndAt =
      p.status === "Normal" ? new Date(now.getTime() - random.int(5000)) : new Date(now.getTime() - (2 + random.int(40)) * HOUR);
    const dataBeginAt = new Date(Math.max(createdAt.getTime(), dataEndAt.getTime() - 7 * DAY));
    // Once a random port; still drawn so that every later draw, and so the demo, stays the same.
    random.int(3);
    const groups: PlannedGroup[] = Array.from({ length: p.groups }, (_, g) => {
      const name = GROUP_NAMES[(g + index) % GROUP_NAMES.length];
      return {
        id: index === 0 && g === 0 ? "dtspis1110z232" : newDtsId(random.int),
        name,
        account: name.replace(/-/g, "_").slice(0, 16).replace(/_$/, ""),
        // The help page's instance always has two running consumers for the demo to show.
        connected: p.status === "Normal" && (random.next() < 0.6 || (index === 0 && g < 2)),
      };
    });
    if (existing.has(p.id)) continue;
    await prisma.$transaction(async (tx) => {
      await tx.instance.create({
        data: {
          id: p.id,
          name: p.name,
          regionId: p.regionId,
          // Groups can only have been created while the instance was Normal; it changes status after.
          status: groups.length > 0 ? "Normal" : p.status,
          sourceType: source.type,
          sourceInstanceId,
          trackedObjects: [{ database, tables: random.next() < 0.3 ? [] : TABLES[database] }],
          trackDml: true,
          trackDdl: random.next() < 0.7,
          billingMethod: random.next() < 0.5 ? "Subscription" : "PayAsYouGo",
          dataBeginAt: hasData ? dataBeginAt : null,
          dataEndAt: hasData ? dataEndAt : null,
          checkpointAt: hasData ? new Date(dataEndAt.getTime() - random.int(3000)) : null,
          topic: `${p.regionId.replace(/-/g, "_")}_${sourceInstanceId.replace(/-/g, "_")}_${database}_version2`,
          // DTS's ports by network (lib/consumer/connect-guide.ts).
          vpcEndpoint: dtsEndpoint(p.regionId, "vpc"),
          privateEndpoint: dtsEndpoint(p.regionId, "private"),
          publicEndpoint: dtsEndpoint(p.regionId, "public"),
          createdAt,
        },
      });
      // Groups go in one by one so the quota trigger counts each, as it would for the app.
      for (const [g, group] of groups.entries()) {
        const delay = group.connected ? random.int(4) : null;
        await tx.consumerGroup.create({
          data: {
            id: group.id,
            instanceId: p.id,
            name: group.name,
            account: group.account,
            passwordHash: groupHash,
            checkpointAt: hasData ? new Date(dataEndAt.getTime() - (group.connected ? (delay ?? 0) * 1000 : (g + 1) * 3 * HOUR)) : null,
            messageDelaySeconds: delay,
            unconsumedRecords: group.connected ? random.int(2500) : null,
            createdAt: new Date(createdAt.getTime() + (g + 1) * 5 * HOUR),
          },
        });
      }
      if (groups.length > 0 && p.status !== "Normal") {
        await tx.instance.update({ where: { id: p.id }, data: { status: p.status } });
      }
    });
    created++;
  }
  return { instances: created };
}

/** Seeds only a database that has no instances yet (first start). Demo users are always ensured. */
export async function seedIfEmpty(prisma: Db) {
  // Any instance at all, not a count: a scale data set has hundreds of thousands.
  if (await prisma.instance.findFirst({ select: { id: true } })) {
    await ensureDemoUsers(prisma);
    await ensureDemoAccessKeys(prisma);
    return { instances: 0 };
  }
  return seedDatabase(prisma);
}
