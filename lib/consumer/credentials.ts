import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/connect";
import { getDummyHash, verifyPassword } from "../auth/password";
import { clearFailures, CONSUMER_POLICY, recordFailure, retryAfterSeconds } from "../throttle";

/** How long a lease lives without a heartbeat, and how often a client should send one. */
export const LEASE_TTL_MS = 30_000;
export const HEARTBEAT_INTERVAL_MS = 10_000;

export type ConsumerAnswer =
  | { status: 200; body: { groupId: string; instanceId: string; topic: string; leaseToken: string; expiresAt: string; heartbeatIntervalMs: number } }
  | { status: 401 | 409 | 410 | 429 | 400; body: { code: string; message: string }; retryAfter?: number };

const INVALID = { status: 401 as const, body: { code: "Unauthorized", message: "Invalid user name or password." } };

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Splits the DTS SASL user `<account>-<consumerGroupId>`; accounts never contain "-". */
export function parseSaslUser(user: string): { account: string; groupId: string } | null {
  const m = /^([A-Za-z0-9_]{1,16})-(dts[a-z0-9]{6,29})$/.exec(user);
  return m ? { account: m[1], groupId: m[2] } : null;
}

/**
 * The credential check a change-stream client or gateway calls. A valid one opens the group's
 * single consumer lease; a live lease held by another client is a 409. Unknown user and wrong
 * password answer alike and take about as long (a hash is verified either way).
 */
export async function connectConsumer(db: Db, req: { user: unknown; password: unknown; clientIp: string | null }, now = new Date()): Promise<ConsumerAnswer> {
  const ipKey = `consumer:ip:${req.clientIp ?? "unknown"}`;
  const userKey = `consumer:user:${typeof req.user === "string" ? req.user.slice(0, 64) : ""}`;
  const wait = Math.max(await retryAfterSeconds(db, ipKey, now), await retryAfterSeconds(db, userKey, now));
  if (wait > 0) {
    return { status: 429, body: { code: "Throttling.User", message: `Too many failed attempts. Try again in ${wait} s.` }, retryAfter: wait };
  }
  const parsed = typeof req.user === "string" ? parseSaslUser(req.user) : null;
  const password = typeof req.password === "string" && req.password.length <= 64 ? req.password : "";
  const group = parsed
    ? await db.consumerGroup.findUnique({
        where: { id: parsed.groupId },
        select: { id: true, username: true, instanceId: true, passwordHash: true, instance: { select: { topic: true } } },
      })
    : null;
  const ok = await verifyPassword(group?.passwordHash ?? (await getDummyHash()), password);
  if (!group || !parsed || group.username !== parsed.account || !ok) {
    await recordFailure(db, ipKey, CONSUMER_POLICY, now);
    await recordFailure(db, userKey, CONSUMER_POLICY, now);
    return INVALID;
  }
  await clearFailures(db, userKey);

  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + LEASE_TTL_MS);
  // Take the lease only if there is none or the one there has expired: one statement, no race.
  const taken = await db.$queryRaw<{ group_id: string }[]>`
    INSERT INTO "consumer_lease" ("group_id", "client_id", "client_ip", "connected_at", "heartbeat_at", "expires_at")
    VALUES (${group.id}, ${tokenHash(token)}, ${req.clientIp}, ${now}, ${now}, ${expiresAt})
    ON CONFLICT ("group_id") DO UPDATE SET
      "client_id" = EXCLUDED."client_id", "client_ip" = EXCLUDED."client_ip", "connected_at" = EXCLUDED."connected_at",
      "heartbeat_at" = EXCLUDED."heartbeat_at", "expires_at" = EXCLUDED."expires_at"
    WHERE "consumer_lease"."expires_at" <= ${now}
    RETURNING "group_id"`;
  if (taken.length === 0) {
    return {
      status: 409,
      body: { code: "ConsumerGroup.ConsumerExists", message: "Another consumer is connected to this consumer group. A group allows one consumer at a time." },
    };
  }
  return {
    status: 200,
    body: { groupId: group.id, instanceId: group.instanceId, topic: group.instance.topic, leaseToken: token, expiresAt: expiresAt.toISOString(), heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS },
  };
}

/**
 * Keeps a lease alive and reports progress: the checkpoint (the time of the newest record
 * consumed) gives the message delay; `unconsumed` is the client's backlog.
 */
export async function heartbeatConsumer(
  db: Db,
  req: { groupId: unknown; leaseToken: unknown; checkpoint?: unknown; unconsumed?: unknown },
  now = new Date(),
): Promise<{ status: 200; body: { expiresAt: string } } | { status: 400 | 410; body: { code: string; message: string } }> {
  if (typeof req.groupId !== "string" || typeof req.leaseToken !== "string") {
    return { status: 400, body: { code: "InvalidParameter", message: "groupId and leaseToken are required." } };
  }
  const checkpoint = typeof req.checkpoint === "string" ? new Date(req.checkpoint) : null;
  const validCheckpoint = checkpoint && !Number.isNaN(checkpoint.getTime()) && checkpoint <= now ? checkpoint : null;
  const unconsumed = Number.isInteger(req.unconsumed) && (req.unconsumed as number) >= 0 ? Math.min(req.unconsumed as number, 2_000_000_000) : null;
  const expiresAt = new Date(now.getTime() + LEASE_TTL_MS);
  const alive = await db.$transaction(async (tx) => {
    const { count } = await tx.consumerLease.updateMany({
      where: { groupId: req.groupId as string, clientId: tokenHash(req.leaseToken as string), expiresAt: { gt: now } },
      data: { heartbeatAt: now, expiresAt },
    });
    if (count === 0) return false;
    if (validCheckpoint) {
      await tx.consumerGroup.update({
        where: { id: req.groupId as string },
        data: {
          checkpointAt: validCheckpoint,
          messageDelaySeconds: Math.max(0, Math.round((now.getTime() - validCheckpoint.getTime()) / 1000)),
          ...(unconsumed !== null ? { unconsumedRecords: unconsumed } : {}),
        },
      });
    }
    return true;
  });
  if (!alive) {
    return { status: 410, body: { code: "Lease.Expired", message: "The lease has ended (expired, reset or taken over). Connect again." } };
  }
  return { status: 200, body: { expiresAt: expiresAt.toISOString() } };
}

/** Ends a lease early (the client disconnects cleanly). */
export async function disconnectConsumer(db: Db, req: { groupId: unknown; leaseToken: unknown }): Promise<boolean> {
  if (typeof req.groupId !== "string" || typeof req.leaseToken !== "string") return false;
  const { count } = await db.consumerLease.deleteMany({ where: { groupId: req.groupId, clientId: tokenHash(req.leaseToken) } });
  return count > 0;
}
