// A consumer's lease from start to end (docs/rules.md "Consumers"): connect checks the SASL user
// and password and takes the group's one lease, heartbeat keeps it and records progress,
// disconnect ends it; every refusal is audited, capped for the unauthenticated.
import { createHash, randomBytes } from "node:crypto";
import type { z } from "../validation/zod";
import { writeAnonymousRefusal, writeAudit, type AuditAction } from "../audit";
import { getDummyHash, verifyPassword } from "../auth/password";
import type { Db } from "../db/connect";
import type { ConsumerRefusal } from "./http";
import type { Outcome } from "../refusal";
import { admitAttempt, CONSUMER_THROTTLE, type AdmitOptions } from "../throttle";
import { MAX_DELAY_SECONDS } from "../validation/consumer-group";
import { recordHeartbeatSample } from "./history";
import {
  parseSaslUser,
  type connectRequestSchema,
  type disconnectRequestSchema,
  type heartbeatRequestSchema,
} from "../validation/consumer";

/** How long a lease lives without a heartbeat, and how often a client should send one. */
export const LEASE_TTL_MS = 30_000;
export const HEARTBEAT_INTERVAL_MS = 10_000;

/** What a consumer endpoint answers: its JSON body, or the refusal. */
export type Answer<T> = Outcome<T, ConsumerRefusal>;

export interface ConnectGrant {
  groupId: string;
  instanceId: string;
  topic: string;
  leaseToken: string;
  expiresAt: string;
  heartbeatIntervalMs: number;
  /** where to start consuming: a checkpoint reset's point, else the group's committed checkpoint (null: the newest data) */
  checkpoint: string | null;
}

/** Unknown user, wrong account half and wrong password: one answer, so none tells which. */
const INVALID: ConsumerRefusal = { status: 401, code: "Unauthorized", message: "errors.consumer.invalidCredentials" };

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

export interface ConsumerContext {
  clientIp: string | null;
  now?: Date;
  /** the password check; tests pass a spy to see that unknown users are verified too */
  verify?: (hash: string, password: string) => Promise<boolean>;
  /** how an attempt waits for its slot of the account's budget; tests pass a spy */
  wait?: AdmitOptions["wait"];
}

/** Records a refusal of a consumer endpoint; nobody is signed in there, so it is rate-limited per client. */
function auditRefusal(db: Db, action: AuditAction, username: string, ctx: ConsumerContext, refusal: ConsumerRefusal, groupId?: string) {
  return writeAnonymousRefusal(
    db,
    { username: username || "anonymous", action, groupId, errorCode: refusal.code, clientIp: ctx.clientIp },
    ctx.now,
  );
}

/**
 * The credential check a change-stream client or gateway calls (docs/rules.md "Consumers"). A
 * valid one opens the group's single consumer lease; a live lease held by another client is a 409.
 * Unknown user, the wrong account for the group and a wrong password answer alike and take about
 * as long (a hash is verified either way). Throttled per user and client; every answer audited.
 */
export async function connectConsumer(
  db: Db,
  input: z.output<typeof connectRequestSchema>,
  ctx: ConsumerContext,
): Promise<Answer<ConnectGrant>> {
  const now = ctx.now ?? new Date();
  const verify = ctx.verify ?? verifyPassword;
  const who = { account: input.user, client: ctx.clientIp };
  const admission = await admitAttempt(db, CONSUMER_THROTTLE, who, { now, wait: ctx.wait });
  if (!admission.ok) {
    const refusal: ConsumerRefusal = {
      status: 429,
      code: "Throttling.User",
      message: "errors.consumer.throttled",
      values: { retryAfter: String(admission.retryAfter) },
      retryAfter: admission.retryAfter,
    };
    await auditRefusal(db, "connectConsumer", input.user, ctx, refusal);
    return { ok: false, refusal };
  }
  const sasl = parseSaslUser(input.user);
  const group = sasl
    ? await db.consumerGroup.findUnique({
        where: { id: sasl.groupId },
        select: { id: true, account: true, instanceId: true, passwordHash: true, instance: { select: { topic: true } } },
      })
    : null;
  const passwordOk = await verify(group?.passwordHash ?? (await getDummyHash()), input.password);
  if (!group || !sasl || group.account !== sasl.account || !passwordOk) {
    await auditRefusal(db, "connectConsumer", input.user, ctx, INVALID, group?.id);
    return { ok: false, refusal: INVALID };
  }
  await admission.succeeded();

  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + LEASE_TTL_MS);
  // Take the lease only if there is none or the one there has expired: one statement, no race.
  const taken = await db.$queryRaw<{ group_id: string }[]>`
    INSERT INTO "consumer_lease" ("group_id", "client_id", "client_ip", "connected_at", "heartbeat_at", "expires_at")
    VALUES (${group.id}, ${tokenHash(token)}, ${ctx.clientIp}, ${now}, ${now}, ${expiresAt})
    ON CONFLICT ("group_id") DO UPDATE SET
      "client_id" = EXCLUDED."client_id", "client_ip" = EXCLUDED."client_ip", "connected_at" = EXCLUDED."connected_at",
      "heartbeat_at" = EXCLUDED."heartbeat_at", "expires_at" = EXCLUDED."expires_at"
    WHERE "consumer_lease"."expires_at" <= ${now}
    RETURNING "group_id"`;
  if (taken.length === 0) {
    const refusal: ConsumerRefusal = {
      status: 409,
      code: "ConsumerGroup.ConsumerExists",
      message: "errors.consumer.alreadyConnected",
    };
    await writeAudit(db, {
      username: input.user,
      action: "connectConsumer",
      groupId: group.id,
      errorCode: refusal.code,
      clientIp: ctx.clientIp,
    });
    return { ok: false, refusal };
  }
  // The consumer now holds the lease: a checkpoint reset's start point is handed over, once.
  const start = await db.$queryRaw<{ start: Date | null; committed: Date | null }[]>`
    UPDATE "consumer_group" g SET "start_checkpoint_at" = NULL
      FROM (SELECT "id", "start_checkpoint_at" FROM "consumer_group" WHERE "id" = ${group.id} FOR UPDATE) old
     WHERE g."id" = old."id"
    RETURNING old."start_checkpoint_at" AS start, g."checkpoint_at" AS committed`;
  const checkpoint = start[0]?.start ?? start[0]?.committed ?? null;
  await writeAudit(db, { username: input.user, action: "connectConsumer", groupId: group.id, clientIp: ctx.clientIp });
  return {
    ok: true,
    data: {
      groupId: group.id,
      instanceId: group.instanceId,
      topic: group.instance.topic,
      leaseToken: token,
      expiresAt: expiresAt.toISOString(),
      heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS,
      checkpoint: checkpoint ? new Date(checkpoint).toISOString() : null,
    },
  };
}

const LEASE_ENDED: ConsumerRefusal = {
  status: 410,
  code: "Lease.Expired",
  message: "errors.consumer.leaseEnded",
};

/**
 * Keeps a lease alive and reports progress: the checkpoint (the time of the newest record
 * consumed) gives the message delay; `unconsumed` is the client's backlog. A checkpoint ahead of
 * the server's clock counts as now.
 */
export async function heartbeatConsumer(
  db: Db,
  input: z.output<typeof heartbeatRequestSchema>,
  ctx: ConsumerContext,
): Promise<Answer<{ expiresAt: string }>> {
  const now = ctx.now ?? new Date();
  const checkpoint = input.checkpoint ? new Date(Math.min(input.checkpoint.getTime(), now.getTime())) : null;
  const expiresAt = new Date(now.getTime() + LEASE_TTL_MS);
  const alive = await db.$transaction(async (tx) => {
    const { count } = await tx.consumerLease.updateMany({
      where: { groupId: input.groupId, clientId: tokenHash(input.leaseToken), expiresAt: { gt: now } },
      data: { heartbeatAt: now, expiresAt },
    });
    if (count === 0) return false;
    if (checkpoint) {
      const progress = await tx.consumerGroup.update({
        where: { id: input.groupId },
        data: {
          checkpointAt: checkpoint,
          messageDelaySeconds: Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.round((now.getTime() - checkpoint.getTime()) / 1000))),
          ...(input.unconsumed !== undefined ? { unconsumedRecords: input.unconsumed } : {}),
        },
        select: { checkpointAt: true, messageDelaySeconds: true, unconsumedRecords: true },
      });
      await recordHeartbeatSample(tx, input.groupId, now, progress);
    }
    return true;
  });
  if (!alive) {
    await auditRefusal(db, "heartbeatConsumer", "anonymous", ctx, LEASE_ENDED, input.groupId);
    return { ok: false, refusal: LEASE_ENDED };
  }
  return { ok: true, data: { expiresAt: expiresAt.toISOString() } };
}

/** Ends a lease early (the client disconnects cleanly). */
export async function disconnectConsumer(
  db: Db,
  input: z.output<typeof disconnectRequestSchema>,
  ctx: ConsumerContext,
): Promise<Answer<{ ended: true }>> {
  const { count } = await db.consumerLease.deleteMany({ where: { groupId: input.groupId, clientId: tokenHash(input.leaseToken) } });
  if (count === 0) {
    await auditRefusal(db, "disconnectConsumer", "anonymous", ctx, LEASE_ENDED, input.groupId);
    return { ok: false, refusal: LEASE_ENDED };
  }
  await writeAudit(db, { username: "consumer", action: "disconnectConsumer", groupId: input.groupId, clientIp: ctx.clientIp });
  return { ok: true, data: { ended: true } };
}

export { parseSaslUser };
